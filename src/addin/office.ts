/** Whether Office.js loaded and we run inside an Office host (not a plain browser tab). */
export interface HostInfo {
  inOffice: boolean;
  host: string | null;
  displayLanguage: string | null;
}

function officeGlobal(): typeof Office | undefined {
  return typeof Office === "undefined" ? undefined : Office;
}

/** Resolves once Office.js is ready; resolves `inOffice: false` when Office.js is missing or has no host. */
export async function officeReady(timeoutMs = 5000): Promise<HostInfo> {
  const office = officeGlobal();
  const outside: HostInfo = { inOffice: false, host: null, displayLanguage: null };
  if (!office || typeof office.onReady !== "function") return outside;
  const info = await Promise.race([
    office.onReady(),
    new Promise<null>((resolve) => setTimeout(() => resolve(null), timeoutMs)),
  ]);
  if (!info || !info.host) return outside;
  return {
    inOffice: true,
    host: String(info.host),
    displayLanguage: office.context?.displayLanguage ?? null,
  };
}
