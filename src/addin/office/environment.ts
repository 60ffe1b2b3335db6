/**
 * Where the add-in runs: inside an Office host or a plain browser tab, which requirement sets the host
 * has, its display language and theme. Every answer is "no" / null when Office.js is absent.
 */
import { readHostLanguageWith } from "../i18n/language";
import { officeHost } from "./host";

/** Whether Office.js loaded and we run inside an Office host (not a plain browser tab). */
export interface HostInfo {
  inOffice: boolean;
  host: string | null;
  displayLanguage: string | null;
}

const OUTSIDE: HostInfo = { inOffice: false, host: null, displayLanguage: null };

/**
 * Resolves once Office.js has decided where it runs: with the host inside Office, `inOffice: false` in a
 * plain browser tab (Office.js reports no host there) or when Office.js did not load. No time limit: a
 * slow host is still a host, and deciding "outside Office" on a timer would be wrong for good.
 */
export async function officeReady(): Promise<HostInfo> {
  const office = officeHost().office;
  if (!office || typeof office.onReady !== "function") return OUTSIDE;
  const info = await office.onReady();
  if (!info || !info.host) return OUTSIDE;
  return {
    inOffice: true,
    host: String(info.host),
    displayLanguage: office.context?.displayLanguage ?? null,
  };
}

/** Feature detection by requirement set (e.g. ExcelApi 1.12); false outside Office or when it throws. */
export function isSetSupported(name: string, version: string): boolean {
  try {
    return officeHost().office?.context?.requirements?.isSetSupported(name, version) === true;
  } catch {
    return false;
  }
}

/**
 * Whether Office opened the document read-only: a view-only session on the web, a file opened
 * read-only on the desktop (Office.context.document.mode, common API). False where Office cannot say.
 */
export function documentReadOnly(): boolean {
  try {
    return String(officeHost().office?.context?.document?.mode) === "readOnly";
  } catch {
    return false;
  }
}

/** Office's display language ("nl-NL"), or null outside Office or before Office.context is ready. */
export function displayLanguage(): string | null {
  try {
    return officeHost().office?.context?.displayLanguage ?? null;
  } catch {
    return null; // Office.context is not ready yet in some hosts
  }
}

/** What Office says of its theme, or null where it cannot (outside Office, hosts without the API). */
export interface HostTheme {
  isDarkTheme?: boolean;
  bodyBackgroundColor?: string;
}

export function hostTheme(): HostTheme | null {
  try {
    return officeHost().office?.context?.officeTheme ?? null;
  } catch {
    return null; // officeTheme throws in hosts that do not support it
  }
}

// The add-in's texts follow Office's display language wherever this adapter is loaded.
readHostLanguageWith(displayLanguage);
