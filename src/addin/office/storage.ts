/**
 * Key-value storage that outlives the page: OfficeRuntime.storage in Excel's shared runtime,
 * localStorage in a plain browser tab, none when the browser blocks storage.
 */
import { officeHost } from "./host";

export interface KeyValueStorage {
  getItem(key: string): Promise<string | null> | string | null;
  setItem(key: string, value: string): Promise<void> | void;
  removeItem(key: string): Promise<void> | void;
}

export function runtimeStorage(): KeyValueStorage | null {
  const runtime = officeHost().runtime;
  if (runtime?.storage) return runtime.storage;
  try {
    if (typeof localStorage !== "undefined") return localStorage;
  } catch {
    // Storage can be blocked (privacy settings); the caller then keeps things in memory only.
  }
  return null;
}
