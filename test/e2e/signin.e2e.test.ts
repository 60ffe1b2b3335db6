/**
 * The task pane in a real browser (Debian's Chromium), outside Office, against the gateway and the
 * simulator: demo sign-in through the popup and its failure paths, each followed by a successful retry.
 */
jest.setTimeout(90_000);

import type { Browser } from "playwright-core";
import { launchBrowser, newAddinContext, type AddinContext } from "../support/e2e/browser";
import { startStack, type Stack } from "../support/e2e/stack";
import { DEMO_LABEL, approveConsent, clickSignIn, openPane, signInDemo } from "../support/e2e/pane";

let browser: Browser;
let stack: Stack;
let addin: AddinContext;

const EXACT_APP = { clientId: "6a1f2c3d-4b5e-4f60-8a7b-9c0d1e2f3a4b", clientSecret: "e2e-secret-b3c1f0a9d8" };

beforeAll(async () => {
  browser = await launchBrowser();
  stack = await startStack((simulator) => ({ EOL_EXACT_BASE_URL: simulator.url }), { dataset: "demo" });
  // A customer's own Exact app for the "nl" tests: the gateway sends every country to the simulator.
  stack.simulator.apps.register({ ...EXACT_APP, redirectUris: [`${stack.gateway.url}/auth/callback`] });
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
  expect(addin.blockedRequests).toEqual([]);
});

const primaryUser = () =>
  stack.simulator.data.users.find((u) => u.userId === stack.simulator.data.primaryUserId)!;

test("renders outside Office with the real Office.js and says where custom functions run", async () => {
  const page = await openPane(addin.context, `${stack.gateway.url}/taskpane.html`);
  await page.getByText("You are viewing the task pane in a browser").waitFor();
  await page.getByLabel("Country").waitFor();
  expect(await page.getByRole("button", { name: "Sign in", exact: true }).isEnabled()).toBe(true);
});

test("signs in to the demo through the consent popup, shows the status, and signs out", async () => {
  const page = await openPane(addin.context, `${stack.gateway.url}/taskpane.html`);
  await signInDemo(page);
  await page.getByText(primaryUser().fullName).first().waitFor();
  const token = await page.evaluate(() => localStorage.getItem("eol.sessionToken"));
  expect(token).toMatch(/^\S{40,}$/);
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.getByRole("button", { name: "Sign in", exact: true }).waitFor();
  expect(await page.evaluate(() => localStorage.getItem("eol.sessionToken"))).toBeNull();
});

test("the sign-in window opens on the add-in's own page, which loads Office.js before it goes to Exact", async () => {
  const requests: string[] = [];
  addin.context.on("request", (request) => requests.push(request.url()));
  const page = await openPane(addin.context, `${stack.gateway.url}/taskpane.html`);
  await signInDemo(page);
  const bridge = requests.findIndex((url) => url.startsWith(`${stack.gateway.url}/sign-in.html?login=`));
  const start = requests.findIndex((url) => /\/auth\/logins\/[\w-]{22}\/start$/.test(url));
  const officeJs = requests.findIndex((url, i) => i > bridge && url.endsWith("/hosted/office.js"));
  expect(bridge).toBeGreaterThanOrEqual(0);
  expect(officeJs).toBeGreaterThan(bridge);
  expect(start).toBeGreaterThan(officeJs);
});

test("consent denied gives a clear message, and a retry succeeds", async () => {
  const page = await openPane(addin.context, `${stack.gateway.url}/taskpane.html`);
  await page.getByLabel("Country").selectOption({ label: DEMO_LABEL });
  const popup = await clickSignIn(page);
  await popup.getByRole("button", { name: "Deny" }).click();
  await page.getByText("Access was not granted in Exact").waitFor({ timeout: 15000 });
  await approveConsent(await clickSignIn(page));
  await page.getByRole("button", { name: "Sign out" }).waitFor({ timeout: 15000 });
});

test("a popup closed by the user gives a clear message, and a retry succeeds", async () => {
  const page = await openPane(addin.context, `${stack.gateway.url}/taskpane.html`);
  await page.getByLabel("Country").selectOption({ label: DEMO_LABEL });
  const popup = await clickSignIn(page);
  await popup.close();
  await page.getByText("The sign-in window was closed before sign-in finished").waitFor({ timeout: 15000 });
  await approveConsent(await clickSignIn(page));
  await page.getByRole("button", { name: "Sign out" }).waitFor({ timeout: 15000 });
});

test("a wrong client secret gives a clear message, and the right one then works", async () => {
  const page = await openPane(addin.context, `${stack.gateway.url}/taskpane.html`);
  await page.getByLabel("Country").selectOption({ label: "Netherlands" });
  await page.getByLabel("Client ID").fill(`{${EXACT_APP.clientId.toUpperCase()}}`);
  await page.getByLabel("Client secret").fill("not-the-secret");
  // Exact only rejects the secret when the gateway exchanges the code, after consent.
  await approveConsent(await clickSignIn(page));
  await page
    .getByText(/client ID or (client )?secret/i)
    .first()
    .waitFor({ timeout: 15000 });
  await page.getByLabel("Client secret").fill(EXACT_APP.clientSecret);
  await approveConsent(await clickSignIn(page));
  await page.getByRole("button", { name: "Sign out" }).waitFor({ timeout: 15000 });
  // The secret was sent to the gateway once and is not kept anywhere in the browser.
  const stored = await page.evaluate(
    () => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
  );
  expect(stored).not.toContain(EXACT_APP.clientSecret);
  expect(stored).not.toContain("not-the-secret");
});

test("Exact not saying who signed in: the sign-in window offers Try again, which signs in without a new consent", async () => {
  const page = await openPane(addin.context, `${stack.gateway.url}/taskpane.html`);
  await page.getByLabel("Country").selectOption({ label: DEMO_LABEL });
  const popup = await clickSignIn(page);
  const exchangesBefore = stack.simulator.log.tokenCalls("authorization_code");
  stack.simulator.setFaults("503:1");
  try {
    await popup.getByRole("button", { name: "Approve" }).click();
    await popup.getByText("Almost signed in").waitFor({ timeout: 30000 });
    await popup.getByText(/did not say who you are/).waitFor();
  } finally {
    stack.simulator.setFaults(null);
  }
  await popup.getByRole("button", { name: "Try again" }).click();
  await popup.waitForEvent("close", { timeout: 15000 });
  await page.getByRole("button", { name: "Sign out" }).waitFor({ timeout: 15000 });
  expect(stack.simulator.log.tokenCalls("authorization_code") - exchangesBefore).toBe(1);
});
