/** The consent page in a real browser (Chromium, Chrome or Edge): accessible, keyboard-operable, no external loads. */
import http from "node:http";
import type { AddressInfo } from "node:net";
import AxeBuilder from "@axe-core/playwright";
import type { Browser } from "playwright-core";
import { launchHeadlessBrowser } from "../support/browserExecutable";
import {
  api,
  exchangeCode,
  startTestSimulator,
  TEST_APP,
  type ODataPage,
  type TestSim,
} from "../support/simulator";

let browser: Browser;
let t: TestSim;
let callbackServer: http.Server;
let callbackUrl: string;

beforeAll(async () => {
  browser = await launchHeadlessBrowser();
  callbackServer = http.createServer((_req, res) => res.end("callback reached"));
  await new Promise<void>((resolve) => callbackServer.listen(0, "127.0.0.1", resolve));
  callbackUrl = `http://127.0.0.1:${(callbackServer.address() as AddressInfo).port}/cb`;
  t = await startTestSimulator({ autoApprove: false });
  t.sim.apps.addRedirectUri(TEST_APP.clientId, callbackUrl);
});
afterAll(async () => {
  await browser.close();
  await t.sim.close();
  await new Promise((resolve) => callbackServer.close(resolve));
});

function authorizeUrl(): string {
  const params = new URLSearchParams({
    client_id: TEST_APP.clientId,
    redirect_uri: callbackUrl,
    response_type: "code",
    state: "browser-state",
    force_login: "1",
  });
  return `${t.sim.url}/api/oauth2/auth?${params.toString()}`;
}

it("passes axe, loads nothing external, and approves by keyboard with the chosen companies", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const external: string[] = [];
  page.on("request", (request) => {
    const url = request.url();
    if (!url.startsWith(t.sim.url) && !url.startsWith(callbackUrl)) external.push(url);
  });
  try {
    await page.goto(authorizeUrl());
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toContain("Test app");
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

    // Switch user with the picker, then untick one company.
    const other = t.sim.data.users[2];
    await page.getByLabel("Signed in as").selectOption(other.userId);
    await page.getByRole("button", { name: "Switch user" }).click();
    await page.waitForURL(/user=/);
    const boxes = page.getByRole("checkbox");
    await expect(boxes.count()).resolves.toBe(other.divisions.length);
    const dropped = other.divisions[1];
    await page.locator(`input[value="${dropped}"]`).uncheck();

    await page.getByRole("button", { name: "Approve" }).focus();
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.toString().startsWith(callbackUrl));
    const landed = new URL(page.url());
    expect(landed.searchParams.get("state")).toBe("browser-state");
    const code = landed.searchParams.get("code")!;
    expect(code).toContain("!");

    const tokens = await exchangeCode(t.sim, code, { ...TEST_APP, redirectUris: [callbackUrl] });
    const me = (await (await api(t.sim, tokens.access_token, "/api/v1/current/Me")).json()) as ODataPage;
    expect(me.d.results[0].UserID).toBe(other.userId);
    const response = await api(
      t.sim,
      tokens.access_token,
      `/api/v1/${other.divisions[0]}/system/Divisions?$select=Code`,
    );
    const granted = ((await response.json()) as ODataPage).d.results.map((r) => r.Code);
    expect(granted).toEqual(
      other.divisions.filter((code) => code !== dropped && code !== t.sim.data.notGrantedDivision),
    );
    expect(external).toEqual([]);
  } finally {
    await context.close();
  }
});

it("Deny sends the browser back with error=access_denied", async () => {
  const page = await browser.newPage();
  try {
    await page.goto(authorizeUrl());
    await page.getByRole("button", { name: "Deny" }).click();
    await page.waitForURL((url) => url.toString().startsWith(callbackUrl));
    const landed = new URL(page.url());
    expect(landed.searchParams.get("error")).toBe("access_denied");
    expect(landed.searchParams.get("state")).toBe("browser-state");
  } finally {
    await page.close();
  }
});

describe.each([
  [320, 640],
  [480, 640],
  [520, 720],
])("at Office's dialog size %ix%i", (width, height) => {
  it("nothing overflows, Approve and Deny are in view, every company is ticked or says why not", async () => {
    const context = await browser.newContext({ viewport: { width, height } });
    const page = await context.newPage();
    await page.goto(authorizeUrl());
    // No element reaches past the right edge, and the page does not scroll sideways.
    const overflowing = await page.evaluate(() => {
      const edge = document.documentElement.clientWidth;
      return [...document.querySelectorAll("body *")]
        .filter((element) => element.getBoundingClientRect().right > edge + 0.5)
        .map((element) => `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ""}`);
    });
    expect(overflowing).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    for (const name of ["Approve", "Deny", "Switch user"]) {
      const box = (await page.getByRole("button", { name }).boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(width);
      if (name !== "Switch user") {
        expect(box.y).toBeGreaterThanOrEqual(0);
        expect(box.y + box.height).toBeLessThanOrEqual(height);
      }
    }
    const companies = await page.locator("label.division").evaluateAll((labels) =>
      labels.map((label) => ({
        ticked: (label.querySelector("input") as HTMLInputElement).checked,
        reason: label.querySelector(".reason")?.textContent ?? "",
      })),
    );
    expect(companies.length).toBe(t.sim.data.users[0].divisions.length);
    for (const company of companies) expect(company.ticked || company.reason.length > 20).toBe(true);
    expect(companies.some((company) => !company.ticked)).toBe(true); // the edge case is there, explained
    await context.close();
  });

  it("the last company, brought into view, is not hidden behind the sticky Approve/Deny bar", async () => {
    const context = await browser.newContext({ viewport: { width, height } });
    const page = await context.newPage();
    await page.goto(authorizeUrl());
    const last = page.locator("label.division").last();
    const bar = page.locator(".actions");
    // Tabbing to it (the browser centres a focused box) and the smallest scroll that shows it (what
    // caret browsing and screen readers' reading cursors do): both must leave it above the bar.
    const boxes = page.getByRole("checkbox");
    await boxes.first().focus();
    for (let step = 1; step < (await boxes.count()); step++) await page.keyboard.press("Tab");
    await expect(boxes.last().evaluate((box) => box === document.activeElement)).resolves.toBe(true);
    const below = async () => {
      const label = (await last.boundingBox())!;
      return label.y + label.height - (await bar.boundingBox())!.y;
    };
    expect(await below()).toBeLessThanOrEqual(0);
    await page.evaluate(() => window.scrollTo(0, 0));
    await last.evaluate((label) => label.scrollIntoView({ block: "nearest" }));
    if (height < 700) expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0); // it scrolled
    expect(await below()).toBeLessThanOrEqual(0);
    await context.close();
  });
});
