/**
 * The one seam between the add-in and Office.js. Every module under src/addin/office/ reaches Office,
 * Excel and OfficeRuntime through officeHost(): Office.js's globals inside Excel (and in a plain
 * browser tab, where Office.js loads but reports no host), or the fake host a test installs.
 * Nothing outside this folder names those globals (ESLint enforces it).
 */
export interface OfficeHost {
  office?: typeof Office;
  excel?: typeof Excel;
  runtime?: typeof OfficeRuntime;
}

let installed: OfficeHost | null = null;

function globalHost(): OfficeHost {
  return {
    office: typeof Office === "undefined" ? undefined : Office,
    excel: typeof Excel === "undefined" ? undefined : Excel,
    runtime: typeof OfficeRuntime === "undefined" ? undefined : OfficeRuntime,
  };
}

/**
 * The host now; read on every call, since Office.js may finish loading after the add-in's modules. The
 * parts an installed host gives replace Office.js's; the others stay Office.js's.
 */
export function officeHost(): OfficeHost {
  return installed ? { ...globalHost(), ...installed } : globalHost();
}

/** Puts a fake host behind the adapter (tests); null goes back to Office.js's globals alone. */
export function installOfficeHost(host: OfficeHost | null): void {
  installed = host;
}
