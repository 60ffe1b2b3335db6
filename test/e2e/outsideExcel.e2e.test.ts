/**
 * The task pane in a plain browser tab (real Office.js, no Excel): every button is clicked, signed in
 * and signed out; the ones that need a workbook are disabled with their reason, and nothing anywhere
 * shows a raw JavaScript error ("… is not defined", "undefined", a stack trace).
 */
jest.setTimeout(120_000);

import type { Browser, Page } from "playwright-core";
import { launchBrowser, newAddinContext, type AddinContext } from "../support/e2e/browser";
import { startStack, type Stack } from "../support/e2e/stack";
import { openPane, signInDemo } from "../support/e2e/pane";
import { en } from "../../src/addin/i18n/en";

let browser: Browser;
let stack: Stack;
let addin: AddinContext;

beforeAll(async () => {
  browser = await launchBrowser();
  stack = await startStack();
});
afterAll(async () => {
  await browser?.close();
  await stack?.close();
});
beforeEach(async () => {
  addin = await newAddinContext(browser);
});
afterEach(async () => {
  await addin.context.close();
  expect(addin.pageErrors).toEqual([]);
});

const RAW_ERROR = /is not defined|undefined|TypeError|ReferenceError|\n\s*at \S+ \(|\bat https?:\/\//;
const NEEDS_EXCEL = "Needs Excel: open this task pane from the Exact Online tab in Excel.";

/** Clicks every enabled button whose name does not match `skip`; returns the names of the disabled ones. */
async function clickEveryButton(
  page: Page,
  skip: RegExp,
): Promise<{ clicked: string[]; disabled: string[] }> {
  const clicked: string[] = [];
  const disabled: string[] = [];
  // Clicks can add buttons (an expanded guide step) or move them: count again each time, and click
  // each name once.
  const seen = new Set<string>();
  for (let index = 0; index < (await page.getByRole("button").count()); index++) {
    const button = page.getByRole("button").nth(index);
    const name = ((await button.getAttribute("aria-label")) ?? (await button.innerText())).trim();
    if (skip.test(name) || seen.has(name)) continue;
    seen.add(name);
    if (await button.isDisabled()) {
      disabled.push(name);
      continue;
    }
    await button.click();
    clicked.push(name);
    // Whatever the click started has finished once no progress bar is left.
    await page.getByRole("progressbar").waitFor({ state: "detached", timeout: 15_000 });
    expect({ after: name, text: await page.locator("body").innerText() }).not.toEqual({
      after: name,
      text: expect.stringMatching(RAW_ERROR),
    });
  }
  return { clicked, disabled };
}

test("signed in: every button clicked; workbook buttons disabled with the reason; no raw errors", async () => {
  const page = await openPane(addin.context, `${stack.gateway.url}/taskpane.html`);
  await signInDemo(page);
  await page.getByText(NEEDS_EXCEL).first().waitFor();
  const { clicked, disabled } = await clickEveryButton(page, /^Sign out$/);
  expect(disabled.sort()).toEqual(["Access review", "Divisions", "Refresh all", "Role audit", "Sign off"]);
  expect(clicked).toEqual(expect.arrayContaining(["Clear cache"]));
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.getByRole("button", { name: "Sign in", exact: true }).waitFor();
  // Signed out: everything but Sign in (which opens the consent popup, covered by signin.e2e).
  const signedOut = await clickEveryButton(page, /^Sign in$/);
  expect(signedOut.disabled).toEqual([]);
  expect(await page.locator("body").innerText()).not.toMatch(RAW_ERROR);
});

test("the message and sign-in pages show only catalogue texts, never words from their address", async () => {
  const page = await addin.context.newPage();
  const bait = "Call 0800-FRAUD to keep your account";
  const notice = new URLSearchParams({
    button: "refreshAll",
    failed: "1",
    code: "not_signed_in",
    title: `<b>${bait}</b>`,
    text: bait,
  });
  await page.goto(`${stack.gateway.url}/notice.html?${notice.toString()}`);
  await page.getByRole("heading", { name: "Refresh all: not done" }).waitFor();
  expect(await page.locator("#text").innerText()).toBe(en.errors.not_signed_in);
  // An unknown code or button shows nothing from the address either.
  await page.goto(
    `${stack.gateway.url}/notice.html?button=${encodeURIComponent(bait)}&code=${encodeURIComponent(bait)}`,
  );
  await page.getByRole("heading", { name: en.appTitle }).waitFor();
  expect(await page.locator("body").innerText()).not.toContain("FRAUD");

  for (const code of ["consent_denied", "exact_error", encodeURIComponent(bait)]) {
    await page.goto(
      `${stack.gateway.url}/auth-complete.html?status=error&code=${code}&message=${encodeURIComponent(bait)}`,
    );
    await page.getByRole("heading", { name: en.signInFailed }).waitFor();
    const shown = await page.locator("body").innerText();
    expect(shown).not.toContain("FRAUD");
    const known = code === encodeURIComponent(bait) ? "internal_error" : code;
    expect(await page.locator("#detail").innerText()).toBe(en.errors[known]);
  }
  expect(await page.locator("b").count()).toBe(0);
});

test.each([
  ["en-US", "en", ["EOL for Excel", "Functions", "Sign-in failed", "Access was not granted in Exact."]],
  ["nl-NL", "nl", ["EOL voor Excel", "Functies", "Aanmelden mislukt", "In Exact is geen toegang verleend."]],
])("the help, message and sign-in pages speak the browser's language (%s)", async (locale, lang, texts) => {
  const [appTitle, functions, failed, consentDenied] = texts;
  const own = await newAddinContext(browser, { locale });
  try {
    const page = await own.context.newPage();
    // The old help address leads to the gateway's help index in the browser's language.
    await page.goto(`${stack.gateway.url}/help.html`);
    await page.getByRole("heading", { name: functions }).waitFor();
    expect(page.url()).toBe(`${stack.gateway.url}/help/${lang}/index.html`);
    expect(await page.locator("main > p").first().innerText()).toBe(appTitle);
    expect(await page.locator("html").getAttribute("lang")).toBe(lang);

    await page.goto(`${stack.gateway.url}/notice.html?text=x`);
    await page.getByRole("heading", { name: appTitle }).waitFor();

    await page.goto(
      `${stack.gateway.url}/auth-complete.html?status=error&code=consent_denied&message=denied`,
    );
    await page.getByRole("heading", { name: failed }).waitFor();
    expect(await page.locator("#detail").innerText()).toMatch(new RegExp(`^${consentDenied}`));
    expect(own.pageErrors).toEqual([]);
  } finally {
    await own.context.close();
  }
});
