/**
 * The non-secret connection settings (country, client ID, redirect URI) remembered between sessions.
 * The client secret is deliberately not part of this type: it is sent once to the gateway and never
 * kept in the browser. Stored under Office's partition key where Office gives one.
 */
import { isCountry, type Country } from "../../shared/countries";
import { partitionedKey } from "../office/storage";

export interface ConnectionSettings {
  country: Country;
  clientId: string;
  /** Empty when the gateway's own callback URL is used. */
  redirectUri: string;
}

const KEY = "eol.connectionSettings";

const GUID = /^\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?$/i;

/** A client ID as Exact shows it (a GUID), with or without braces. */
export function isValidClientId(value: string): boolean {
  const text = value.trim();
  if (!GUID.test(text)) return false;
  // Braces must come as a pair.
  return text.startsWith("{") === text.endsWith("}");
}

/** The GUID without braces or surrounding spaces, lower case: the form the gateway expects. */
export function normalizeClientId(value: string): string {
  return value
    .trim()
    .replace(/^\{|\}$/g, "")
    .toLowerCase();
}

function localStore(): Storage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null; // blocked by privacy settings: nothing is remembered
  }
}

export function loadConnectionSettings(): ConnectionSettings | null {
  const store = localStore();
  // Settings saved before they went under the partition key are still read (they are not secret).
  const raw = store?.getItem(partitionedKey(KEY)) ?? store?.getItem(KEY);
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<ConnectionSettings>;
    if (!isCountry(value.country)) return null;
    return {
      country: value.country,
      clientId: typeof value.clientId === "string" ? value.clientId : "",
      redirectUri: typeof value.redirectUri === "string" ? value.redirectUri : "",
    };
  } catch {
    return null;
  }
}

export function saveConnectionSettings(settings: ConnectionSettings): void {
  const { country, clientId, redirectUri } = settings; // copy field by field: never persist extras
  localStore()?.setItem(partitionedKey(KEY), JSON.stringify({ country, clientId, redirectUri }));
}
