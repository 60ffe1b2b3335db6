/**
 * A first try on a gateway with its demo on, in the smallest task pane (320×640) in Chromium: the
 * country is already Demo and says what it is, Sign in is in view without scrolling (English and Dutch,
 * with the "outside Office" note as the longest case), and one click plus Approve signs in.
 * Screenshots go to a temporary folder (or EOL_SCREENSHOTS_DIR).
 */
jest.setTimeout(90_000);

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { launchBrowser, newAddinContext } from "../support/e2e/browser";
import { startStack, type Stack } from "../support/e2e/stack";
import { approveConsent, clickSignIn, openPane } from "../support/e2e/pane";

const VIEWPORT = { width: 320, height: 640 };
const SHOTS = path.resolve(process.env.EOL_SCREENSHOTS_DIR ?? path.join(os.tmpdir(), "eol-screenshots"));
fs.mkdirSync(SHOTS, { recursive: true });

let browser: Browser;
let stack: Stack;

beforeAll(async () => {
  browser = await launchBrowser();
  stack = await startStack();
});
afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

test.each([
  { lang: "en", country: "Country", demo: "Demo: sample data, no Exact account", signIn: "Sign in" },
  { lang: "nl", country: "Land", demo: "Demo: voorbeeldgegevens, geen Exact-account", signIn: "Aanmelden" },
])("$lang: the demo is chosen and explained, and Sign in is in view at 320×640", async (texts) => {
  const addin = await newAddinContext(browser, { viewport: VIEWPORT });
  const page = await openPane(addin.context, `${stack.gateway.url}/taskpane.html?lang=${texts.lang}`);
  await expect(page.getByLabel(texts.country).inputValue()).resolves.toBe("demo");
  await page.getByText(texts.demo).waitFor();
  await page.waitForTimeout(300); // let Fluent's transitions settle before measuring
  await page.screenshot({ path: path.join(SHOTS, `demo-signin-320x640-${texts.lang}.png`) });
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  const button = (await page.getByRole("button", { name: texts.signIn, exact: true }).boundingBox())!;
  expect(button.y).toBeGreaterThanOrEqual(0);
  expect(button.y + button.height).toBeLessThanOrEqual(VIEWPORT.height);
  expect(button.x + button.width).toBeLessThanOrEqual(VIEWPORT.width);
  const country = (await page.getByLabel(texts.country).boundingBox())!;
  expect(country.x + country.width).toBeLessThanOrEqual(VIEWPORT.width);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(VIEWPORT.width);
  await addin.context.close();
  expect(addin.pageErrors).toEqual([]);
  expect(addin.blockedRequests).toEqual([]);
});

test("signs in with one click and Approve, nothing typed", async () => {
  const addin = await newAddinContext(browser, { viewport: VIEWPORT });
  const page = await openPane(addin.context, `${stack.gateway.url}/taskpane.html`);
  await approveConsent(await clickSignIn(page));
  await page.getByRole("button", { name: "Sign out" }).waitFor({ timeout: 15000 });
  await addin.context.close();
  expect(addin.pageErrors).toEqual([]);
});
