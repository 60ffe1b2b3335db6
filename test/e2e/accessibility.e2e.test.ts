/**
 * What a person sees: axe-core scans of the task pane signed out and signed in (no serious or critical
 * violations), and the README's screenshots — light, dark, Dutch, signed in, an error — taken from the
 * real pages in Chromium. They go to a temporary folder, so a test run leaves the tree clean;
 * `npm run screenshots` sets EOL_SCREENSHOTS_DIR to docs/screenshots to refresh the README's pictures.
 */
jest.setTimeout(90_000);

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, newAddinContext } from "../support/e2e/browser";
import { startStack, type Stack } from "../support/e2e/stack";
import { DEMO_LABEL, clickSignIn, openPane, signInDemo } from "../support/e2e/pane";
import { reviewSheetHtml } from "../support/e2e/reviewHtml";
import { accessReviewSpec } from "../../src/addin/excel/accessReviewSheet";
import type { AccessReviewResponse } from "../../src/shared/api";

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

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(300); // let Fluent's transitions settle
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

test("signed out: no serious accessibility violations, in light, dark and Dutch", async () => {
  for (const variant of [
    { name: "signed-out-light", query: "", colorScheme: "light" as const },
    { name: "signed-out-dark", query: "?theme=dark", colorScheme: "dark" as const },
    { name: "signed-out-dutch", query: "?lang=nl", colorScheme: "light" as const },
  ]) {
    const addin = await newAddinContext(browser, { colorScheme: variant.colorScheme });
    const page = await openPane(addin.context, `${stack.gateway.url}/taskpane.html${variant.query}`);
    await page.getByLabel(variant.name === "signed-out-dutch" ? "Land" : "Country").waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, variant.name);
    await addin.context.close();
    expect(addin.pageErrors).toEqual([]);
  }
});

test("the gateway's help, support and privacy pages: no serious accessibility violations, light and dark", async () => {
  for (const colorScheme of ["light", "dark"] as const) {
    const addin = await newAddinContext(browser, { colorScheme });
    const page = await addin.context.newPage();
    for (const path of [
      "/help/en/functions/rolechanges.html",
      "/help/nl/index.html",
      "/help/en/support.html",
      "/help/nl/privacy.html",
    ]) {
      await page.goto(`${stack.gateway.url}${path}`);
      await page.locator("h1").waitFor();
      expect({ path, colorScheme, violations: await seriousViolations(page) }).toEqual({
        path,
        colorScheme,
        violations: [],
      });
    }
    await addin.context.close();
    expect(addin.pageErrors).toEqual([]);
  }
});

test("signed in: no serious accessibility violations; status with budgets", async () => {
  const addin = await newAddinContext(browser);
  const page = await openPane(addin.context, `${stack.gateway.url}/taskpane.html`);
  await signInDemo(page);
  // Fetch some data as a formula would, so the status shows budgets and "data as of".
  await page.evaluate(async () => {
    const token = localStorage.getItem("eol.sessionToken");
    await fetch("/api/v1/divisions", { headers: { authorization: `Bearer ${token}` } });
  });
  await page.getByRole("button", { name: "Refresh all" }).waitFor();
  await page.reload();
  await page.getByRole("button", { name: "Sign out" }).waitFor();
  await page.getByText(/left/).first().waitFor({ timeout: 15000 });
  expect(await seriousViolations(page)).toEqual([]);
  await shoot(page, "signed-in");
  await addin.context.close();
  expect(addin.pageErrors).toEqual([]);
});

test("error state: consent denied is explained in the pane", async () => {
  const addin = await newAddinContext(browser);
  const page = await openPane(addin.context, `${stack.gateway.url}/taskpane.html`);
  await page.getByLabel("Country").selectOption({ label: DEMO_LABEL });
  const popup = await clickSignIn(page);
  await shoot(popup, "consent-page");
  await popup.getByRole("button", { name: "Deny" }).click();
  await page.getByText("Access was not granted in Exact").waitFor({ timeout: 15000 });
  expect(await seriousViolations(page)).toEqual([]);
  await shoot(page, "error-consent-denied");
  await addin.context.close();
});

test("the Access review sheet's tables over the demo, rendered as HTML (docs screenshot)", async () => {
  const addin = await newAddinContext(browser);
  const page = await openPane(addin.context, `${stack.gateway.url}/taskpane.html`);
  await signInDemo(page);
  // With the documented example rule, so the conflicts table has rows too.
  const rules = [{ roleA: 11, roleB: 21, name: "Enter and approve" }];
  const query = `rules=${encodeURIComponent(JSON.stringify([[11, 21, "Enter and approve"]]))}`;
  const review = await page.evaluate(async (search) => {
    const token = localStorage.getItem("eol.sessionToken");
    const response = await fetch(`/api/v1/access-review?${search}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    return (await response.json()) as unknown;
  }, query);
  const answer = review as AccessReviewResponse;
  const spec = accessReviewSpec(
    answer,
    "Demo reviewer",
    { since: answer.since, remembered: false },
    [],
    undefined,
    rules,
  );
  await page.setContent(reviewSheetHtml(spec));
  // Every table the sheet gets, each with all of its rows: the demo has something in each.
  const tables = page.locator("table");
  expect(await tables.count()).toBe(6);
  for (const [index, name] of (["holders", "findings", "changes", "catalogue"] as const).entries()) {
    expect(answer[name].rows.length).toBeGreaterThan(0);
    expect(await tables.nth(index).locator("tbody tr").count()).toBe(answer[name].rows.length);
  }
  expect(await tables.nth(4).locator("tbody tr").count()).toBe(rules.length);
  expect(answer.conflicts.rows.length).toBeGreaterThan(0);
  expect(await tables.nth(5).locator("tbody tr").count()).toBe(answer.conflicts.rows.length);
  await shoot(page, "access-review");
  await addin.context.close();
});
