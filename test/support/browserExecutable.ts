/**
 * Finds the Chromium-family browser the browser tests, the screenshots and `npm run icons` drive:
 * CHROMIUM_PATH if set, else Chromium, Chrome or Edge where their installers put them on Linux, macOS and
 * Windows. Nothing is downloaded: without one, the error names what to install.
 */
import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser } from "playwright-core";

export interface BrowserSearch {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  exists: (file: string) => boolean;
}

const LINUX = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/snap/bin/chromium",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
  "/opt/google/chrome/chrome",
  "/usr/bin/microsoft-edge",
  "/usr/bin/microsoft-edge-stable",
  "/opt/microsoft/msedge/msedge",
];

const MAC_APPS = [
  "Chromium.app/Contents/MacOS/Chromium",
  "Google Chrome.app/Contents/MacOS/Google Chrome",
  "Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
];

const WINDOWS_APPS = [
  "Chromium\\Application\\chrome.exe",
  "Google\\Chrome\\Application\\chrome.exe",
  "Microsoft\\Edge\\Application\\msedge.exe",
];

/** Where to look, most specific first. */
export function browserCandidates({ platform, env }: Omit<BrowserSearch, "exists">): string[] {
  if (platform === "darwin") {
    const roots = ["/Applications", ...(env.HOME ? [path.posix.join(env.HOME, "Applications")] : [])];
    return MAC_APPS.flatMap((app) => roots.map((root) => path.posix.join(root, app)));
  }
  if (platform === "win32") {
    const roots = [env.LOCALAPPDATA, env.PROGRAMFILES, env["PROGRAMFILES(X86)"]].filter(
      (root): root is string => !!root,
    );
    return WINDOWS_APPS.flatMap((app) => roots.map((root) => path.win32.join(root, app)));
  }
  return LINUX;
}

const INSTALL: Partial<Record<NodeJS.Platform, string>> = {
  darwin: "install Chromium, Google Chrome or Microsoft Edge into /Applications",
  win32: "install Google Chrome or Microsoft Edge (winget install Google.Chrome)",
};
const INSTALL_LINUX =
  "install Chromium (Debian/Ubuntu: apt-get install chromium; Fedora: dnf install chromium), Google Chrome or Microsoft Edge";

/** The browser to launch; throws naming what to install (or the wrong CHROMIUM_PATH). */
export function findBrowser(
  search: BrowserSearch = { platform: process.platform, env: process.env, exists: fs.existsSync },
): string {
  const given = search.env.CHROMIUM_PATH;
  if (given) {
    if (search.exists(given)) return given;
    throw new Error(
      `CHROMIUM_PATH=${given} does not exist: point it at a Chromium, Chrome or Edge executable.`,
    );
  }
  const candidates = browserCandidates(search);
  const found = candidates.find((candidate) => search.exists(candidate));
  if (found) return found;
  throw new Error(
    `No Chromium, Chrome or Edge found (looked in ${candidates.join(", ")}). ` +
      `The browser tests need one: ${INSTALL[search.platform] ?? INSTALL_LINUX}, or set CHROMIUM_PATH to its executable.`,
  );
}

/** The found browser, headless, kept on this machine (no background network). */
export async function launchHeadlessBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: findBrowser(),
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", ...extraArgs],
  });
}
