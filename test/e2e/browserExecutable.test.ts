/** Which browser the browser tests launch on each platform, and what a machine without one is told. */
import { findBrowser, type BrowserSearch } from "../support/browserExecutable";

function search(platform: NodeJS.Platform, installed: string[], env: NodeJS.ProcessEnv = {}): BrowserSearch {
  return { platform, env, exists: (file) => installed.includes(file) };
}

test("Linux: Debian's or Ubuntu's Chromium, else Chrome, else Edge", () => {
  expect(findBrowser(search("linux", ["/usr/bin/chromium", "/usr/bin/google-chrome"]))).toBe(
    "/usr/bin/chromium",
  );
  expect(findBrowser(search("linux", ["/snap/bin/chromium"]))).toBe("/snap/bin/chromium");
  expect(findBrowser(search("linux", ["/opt/google/chrome/chrome"]))).toBe("/opt/google/chrome/chrome");
  expect(findBrowser(search("linux", ["/opt/microsoft/msedge/msedge"]))).toBe("/opt/microsoft/msedge/msedge");
});

test("macOS: the app bundles in /Applications or ~/Applications", () => {
  const chrome = "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome";
  expect(findBrowser(search("darwin", [chrome]))).toBe(chrome);
  const edge = "/Users/ann/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge";
  expect(findBrowser(search("darwin", [edge], { HOME: "/Users/ann" }))).toBe(edge);
});

test("Windows: per-user and machine-wide installs of Chrome and Edge", () => {
  const env = {
    LOCALAPPDATA: "C:\\Users\\ann\\AppData\\Local",
    PROGRAMFILES: "C:\\Program Files",
    "PROGRAMFILES(X86)": "C:\\Program Files (x86)",
  };
  const edge = "C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe";
  expect(findBrowser(search("win32", [edge], env))).toBe(edge);
  const chrome = "C:\\Users\\ann\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe";
  expect(findBrowser(search("win32", [edge, chrome], env))).toBe(chrome);
});

test("CHROMIUM_PATH wins, and a wrong one is named rather than silently replaced", () => {
  const installed = ["/usr/bin/chromium", "/home/ann/chrome-linux/chrome"];
  expect(findBrowser(search("linux", installed, { CHROMIUM_PATH: "/home/ann/chrome-linux/chrome" }))).toBe(
    "/home/ann/chrome-linux/chrome",
  );
  expect(() => findBrowser(search("linux", installed, { CHROMIUM_PATH: "/nowhere/chrome" }))).toThrow(
    "CHROMIUM_PATH=/nowhere/chrome does not exist",
  );
});

test("without a browser the error names what to install on that platform", () => {
  expect(() => findBrowser(search("linux", []))).toThrow(/apt-get install chromium.*or set CHROMIUM_PATH/);
  expect(() => findBrowser(search("darwin", []))).toThrow(/into \/Applications/);
  expect(() => findBrowser(search("win32", [], { PROGRAMFILES: "C:\\Program Files" }))).toThrow(
    /Google Chrome or Microsoft Edge/,
  );
});
