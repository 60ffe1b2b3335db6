/**
 * HTTPS for https://localhost:3000: a given certificate (EOL_TLS_CERT/EOL_TLS_KEY), or the Office
 * add-in development certificate from office-addin-dev-certs, generated non-interactively when missing
 * or about to expire. Installing its CA into a trust store needs admin rights, so we only print how.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { X509Certificate } from "node:crypto";
import type { GatewayConfig } from "../config/config";
import { StartupFailure } from "../startup/exitCodes";

export interface TlsMaterial {
  key: Buffer;
  cert: Buffer;
  /** Set when a development CA was used; the start-up banner explains how to trust it. */
  devCaPath: string | null;
}

const DEV_CERT_DIR = path.join(os.homedir(), ".office-addin-dev-certs");
const DEV_FILES = {
  ca: path.join(DEV_CERT_DIR, "ca.crt"),
  cert: path.join(DEV_CERT_DIR, "localhost.crt"),
  key: path.join(DEV_CERT_DIR, "localhost.key"),
};
const MIN_REMAINING_MS = 24 * 3600 * 1000;
/**
 * The development CA and certificate last 825 days (macOS's limit for TLS server certificates), so the CA
 * is trusted once per clone and machine, not every month; it is renewed (and must be trusted again) only
 * when it has less than a day left.
 */
const DEV_CERT_DAYS = 825;

function validForADay(certPath: string): boolean {
  try {
    const cert = new X509Certificate(fs.readFileSync(certPath));
    return new Date(cert.validTo).getTime() - Date.now() > MIN_REMAINING_MS;
  } catch {
    return false;
  }
}

async function ensureDevCertificates(): Promise<void> {
  if (fs.existsSync(DEV_FILES.key) && validForADay(DEV_FILES.cert) && validForADay(DEV_FILES.ca)) return;
  for (const file of Object.values(DEV_FILES)) fs.rmSync(file, { force: true });
  await devCertificateTool().generateCertificates(DEV_FILES.ca, DEV_FILES.cert, DEV_FILES.key, DEV_CERT_DAYS);
}

interface DevCertificateTool {
  generateCertificates: (ca: string, cert: string, key: string, days: number) => Promise<void>;
}

/** A development dependency: a production install (npm ci --omit=dev) brings its own certificate or a proxy. */
function devCertificateTool(): DevCertificateTool {
  try {
    // Deep import: the package's main entry also loads its CLI usage-data plumbing, which we don't need.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require("office-addin-dev-certs/lib/generate") as DevCertificateTool;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "MODULE_NOT_FOUND") throw error;
    throw new StartupFailure(
      "tls",
      "This install has no development certificate tool (office-addin-dev-certs is a development dependency): " +
        "set EOL_TLS_CERT and EOL_TLS_KEY to your certificate, or EOL_HTTP=1 behind a TLS-terminating proxy.",
    );
  }
}

export async function loadTls(config: GatewayConfig): Promise<TlsMaterial> {
  if (config.tlsCertFile && config.tlsKeyFile) {
    return {
      cert: fs.readFileSync(config.tlsCertFile),
      key: fs.readFileSync(config.tlsKeyFile),
      devCaPath: null,
    };
  }
  await ensureDevCertificates();
  return {
    cert: fs.readFileSync(DEV_FILES.cert),
    key: fs.readFileSync(DEV_FILES.key),
    devCaPath: DEV_FILES.ca,
  };
}

/** How to trust the development CA on this platform (printed at start-up). */
export function trustInstructions(caPath: string): string {
  const perPlatform: Record<string, string> = {
    win32: "npx office-addin-dev-certs install   (adds it to your user's trusted roots)",
    darwin: "npx office-addin-dev-certs install   (adds it to your login keychain)",
  };
  const linux = [
    `sudo cp "${caPath}" /usr/local/share/ca-certificates/office-addin-dev-ca.crt && sudo update-ca-certificates`,
    `browsers keep their own store: import "${caPath}" as an authority (Chromium: chrome://certificate-manager)`,
  ].join("\n    ");
  return `Development certificate authority: ${caPath}\n  Trust it once so Excel and your browser accept https://localhost:\n    ${perPlatform[process.platform] ?? linux}`;
}
