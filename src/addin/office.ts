/** Whether Office.js loaded and we run inside an Office host (not a plain browser tab). */
export interface HostInfo {
  inOffice: boolean;
  host: string | null;
  displayLanguage: string | null;
}

function officeGlobal(): typeof Office | undefined {
  return typeof Office === "undefined" ? undefined : Office;
}

const OUTSIDE: HostInfo = { inOffice: false, host: null, displayLanguage: null };

/**
 * Resolves once Office.js has decided where it runs: with the host inside Office, `inOffice: false` in a
 * plain browser tab (Office.js reports no host there) or when Office.js did not load. No time limit: a
 * slow host is still a host, and deciding "outside Office" on a timer would be wrong for good.
 */
export async function officeReady(): Promise<HostInfo> {
  const office = officeGlobal();
  if (!office || typeof office.onReady !== "function") return OUTSIDE;
  const info = await office.onReady();
  if (!info || !info.host) return OUTSIDE;
  return {
    inOffice: true,
    host: String(info.host),
    displayLanguage: office.context?.displayLanguage ?? null,
  };
}
