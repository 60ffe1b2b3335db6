/** The text `npm start` prints: where the add-in is and how to sideload it into Excel. */
import path from "node:path";
import type { GatewayConfig } from "../config/config";
import { DATABASE_FILE } from "../store/sqliteStore";
import { trustInstructions } from "./tls";

/** Which store holds the sign-ins: the SQLite file, or PostgreSQL's host and database (never the credentials). */
export function describeStore(config: Pick<GatewayConfig, "databaseUrl" | "dataDir">): string {
  if (!config.databaseUrl) return `SQLite, ${path.join(config.dataDir, DATABASE_FILE)}`;
  const url = new URL(config.databaseUrl);
  const database = decodeURIComponent(url.pathname.replace(/^\//, "")) || "(the user's default database)";
  return `PostgreSQL, database ${database} on ${url.hostname}:${url.port || 5432}`;
}

export function startupBanner(config: GatewayConfig, manifestPath: string, devCaPath: string | null): string {
  const url = config.publicUrl;
  const lines = [
    "",
    "EOL for Excel gateway is running.",
    `  Task pane:      ${url}/taskpane.html`,
    `  Manifest:       ${manifestPath}   (also served at ${url}/manifest.xml)`,
    `  Health:         ${url}/healthz`,
    `  Store:          ${describeStore(config)}`,
    `  Demo:           ${config.demo ? 'on (country "Demo" in the task pane; EOL_DEMO=0 turns it off)' : "off"}`,
    "",
    "Sideload the add-in into Excel:",
    "  Excel on the web: open a workbook, Home > Add-ins > More Add-ins > My Add-ins >",
    "                    Upload My Add-in, and choose the manifest file above.",
    "  Windows:          share a folder containing the manifest, add it under File > Options > Trust Center >",
    "                    Trusted Add-in Catalogs (tick Show in Menu), restart Excel, then Home > Add-ins >",
    "                    Advanced > Shared Folder. Or run: npx office-addin-debugging start <manifest> desktop",
    "  Mac:              copy the manifest to ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/",
    "                    (create the folder if needed), restart Excel, then Home > Add-ins.",
    "  Then use the Exact Online tab > Show task pane to sign in, and type =EOL.VERSION() in a cell.",
  ];
  if (config.demo) {
    lines.push(
      "",
      'Demo: in the task pane choose Country "Demo (built-in sample data)" and Sign in. The built-in Exact',
      "  Online simulator shows its consent page; approve, then try =EOL.DIVISIONS() or =EOL.ROLEHOLDERS(274).",
      "  To try without Excel, open the task pane URL above in a browser. EOL_DEMO=0 turns the demo off.",
    );
  }
  if (devCaPath) lines.push("", trustInstructions(devCaPath));
  if (config.http)
    lines.push("", "Plain HTTP (EOL_HTTP=1): Excel needs https, so put a TLS-terminating proxy in front.");
  return lines.join("\n");
}
