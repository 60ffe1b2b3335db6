/**
 * Where the gateway session token lives: OfficeRuntime.storage in Excel's shared runtime, localStorage
 * in a plain browser tab. The token is a gateway session (never an Exact token); it is kept in memory
 * too so every custom function call does not hit storage.
 */
import { emit } from "../events";
import { sharedState } from "../sharedState";

const KEY = "eol.sessionToken";

interface KeyValueStorage {
  getItem(key: string): Promise<string | null> | string | null;
  setItem(key: string, value: string): Promise<void> | void;
  removeItem(key: string): Promise<void> | void;
}

function storage(): KeyValueStorage | null {
  if (typeof OfficeRuntime !== "undefined" && OfficeRuntime.storage) return OfficeRuntime.storage;
  try {
    if (typeof localStorage !== "undefined") return localStorage;
  } catch {
    // Storage can be blocked (privacy settings); we then keep the session in memory only.
  }
  return null;
}

// One in-memory copy for every bundle of the page (see sharedState.ts): a sign-in in the task pane
// must reach the custom functions at once.
const memory = sharedState("session", () => ({ token: undefined as string | null | undefined }));

export async function getSessionToken(): Promise<string | null> {
  if (memory.token !== undefined) return memory.token;
  memory.token = (await storage()?.getItem(KEY)) ?? null;
  return memory.token;
}

export async function setSessionToken(token: string): Promise<void> {
  memory.token = token;
  await storage()?.setItem(KEY, token);
  emit("session-changed", { signedIn: true });
}

export async function clearSessionToken(): Promise<void> {
  const wasSignedIn = !!memory.token;
  memory.token = null;
  await storage()?.removeItem(KEY);
  if (wasSignedIn) emit("session-changed", { signedIn: false });
}

/** The store as the gateway client's token provider. */
export const sessionTokens = { get: getSessionToken, clear: clearSessionToken };

/** Test hook: forget the in-memory copy so the next read goes to storage. */
export function resetSessionTokenCache(): void {
  memory.token = undefined;
}
