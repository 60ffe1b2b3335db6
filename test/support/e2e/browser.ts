/**
 * Real-browser harness: Chromium, Chrome or Edge (test/support/browserExecutable.ts) driven by
 * playwright-core, nothing beyond loopback.
 * Office.js requests to Microsoft's CDN are answered from the @microsoft/office-js package; every other
 * non-loopback request is aborted and recorded, so a test can assert the page never left the machine.
 */
import fs from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchHeadlessBrowser } from "../browserExecutable";

const OFFICE_DIST = path.resolve(__dirname, "../../../node_modules/@microsoft/office-js/dist");
const OFFICE_CDN = /^https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/(.+)$/;
const LOOPBACK = /^(https?|wss?):\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?\//;

export async function launchBrowser(): Promise<Browser> {
  return launchHeadlessBrowser(["--disable-quic", "--no-first-run"]);
}

export interface AddinContext {
  context: BrowserContext;
  /** Non-loopback URLs the pages tried to load (other than Office.js, which is served locally). */
  blockedRequests: string[];
  /** Uncaught page errors across all pages of the context. */
  pageErrors: string[];
}

const STAND_IN = path.join(__dirname, "office-stand-in.js");

export interface AddinContextOptions {
  colorScheme?: "light" | "dark";
  locale?: string;
  viewport?: { width: number; height: number };
  /** "package": the real Office.js from @microsoft/office-js; "stand-in": office-stand-in.js, which records
   *  CustomFunctions.associate calls so tests can call the registered functions. */
  officeJs?: "package" | "stand-in";
}

export async function newAddinContext(
  browser: Browser,
  options: AddinContextOptions = {},
): Promise<AddinContext> {
  const context = await browser.newContext({
    colorScheme: options.colorScheme ?? "light",
    locale: options.locale ?? "en-US",
    viewport: options.viewport ?? { width: 360, height: 900 },
  });
  const blockedRequests: string[] = [];
  const pageErrors: string[] = [];
  await context.route(
    (url) => !LOOPBACK.test(url.href),
    async (route) => {
      const url = route.request().url();
      const office = OFFICE_CDN.exec(url);
      if (office && options.officeJs === "stand-in") {
        return office[1].startsWith("office.js")
          ? route.fulfill({ path: STAND_IN, contentType: "application/javascript" })
          : route.abort();
      }
      const file = office ? path.join(OFFICE_DIST, office[1].split("?")[0]) : null;
      if (file && file.startsWith(OFFICE_DIST) && fs.existsSync(file)) {
        return route.fulfill({ path: file, contentType: "application/javascript" });
      }
      if (!office) blockedRequests.push(url);
      return route.abort();
    },
  );
  context.on("page", (page: Page) =>
    page.on("pageerror", (error) => pageErrors.push(`${page.url()}: ${error.message}`)),
  );
  return { context, blockedRequests, pageErrors };
}
