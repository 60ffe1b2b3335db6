/**
 * Key-value storage that outlives the page: OfficeRuntime.storage in Excel's shared runtime,
 * localStorage in a plain browser tab, none when the browser blocks storage. Keys go under Office's
 * partitionKey where Office gives one (docs: develop/persisting-add-in-state-and-settings): browsers
 * partition storage per top-level site, and Office names the partition the add-in runs in.
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

/** Office's storage partition (Excel on the web), or "" where Office gives none or is not ready. */
export function storagePartition(): string {
  try {
    return officeHost().office?.context?.partitionKey ?? "";
  } catch {
    return ""; // Office.context is not ready yet in some hosts
  }
}

/** `key` under Office's partition key, as Microsoft's docs prefix it; `key` itself where there is none. */
export function partitionedKey(key: string): string {
  return `${storagePartition()}${key}`;
}
