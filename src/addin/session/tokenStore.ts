/**
 * Where the gateway session token lives: the runtime's storage (../office/storage.ts: OfficeRuntime
 * storage in Excel, localStorage in a plain browser tab), under Office's partition key where it gives one. The token is a gateway session (never an Exact token); it is kept in memory
 * too so every custom function call does not hit storage.
 */
import { emit } from "../events";
import { partitionedKey, runtimeStorage as storage } from "../office/storage";

/** Under Office's partition key where it gives one: each partition has its own sign-in. */
const key = () => partitionedKey("eol.sessionToken");

// One in-memory copy for the whole runtime (functions, ribbon and pane share this module): a sign-in in
// the task pane reaches the custom functions at once. Without storage the session lives here only.
const memory = { token: undefined as string | null | undefined };

export async function getSessionToken(): Promise<string | null> {
  if (memory.token !== undefined) return memory.token;
  memory.token = (await storage()?.getItem(key())) ?? null;
  return memory.token;
}

export async function setSessionToken(token: string): Promise<void> {
  memory.token = token;
  await storage()?.setItem(key(), token);
  emit("session-changed", { signedIn: true });
}

export async function clearSessionToken(): Promise<void> {
  const wasSignedIn = !!memory.token;
  memory.token = null;
  await storage()?.removeItem(key());
  if (wasSignedIn) emit("session-changed", { signedIn: false });
}

/** The store as the gateway client's token provider. */
export const sessionTokens = { get: getSessionToken, clear: clearSessionToken };

/** Test hook: forget the in-memory copy so the next read goes to storage. */
export function resetSessionTokenCache(): void {
  memory.token = undefined;
}
