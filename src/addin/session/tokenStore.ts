/**
 * Where the gateway session token lives: OfficeRuntime.storage in Excel's shared runtime, localStorage
 * in a plain browser tab. The token is a gateway session (never an Exact token); it is kept in memory
 * too so every custom function call does not hit storage.
 */
import { emit } from "../events";

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

let cached: string | null | undefined;

export async function getSessionToken(): Promise<string | null> {
  if (cached !== undefined) return cached;
  cached = (await storage()?.getItem(KEY)) ?? null;
  return cached;
}

export async function setSessionToken(token: string): Promise<void> {
  cached = token;
  await storage()?.setItem(KEY, token);
  emit("session-changed", { signedIn: true });
}

export async function clearSessionToken(): Promise<void> {
  const wasSignedIn = !!cached;
  cached = null;
  await storage()?.removeItem(KEY);
  if (wasSignedIn) emit("session-changed", { signedIn: false });
}

/** Test hook: forget the in-memory copy so the next read goes to storage. */
export function resetSessionTokenCache(): void {
  cached = undefined;
}
