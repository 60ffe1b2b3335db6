/** Task pane steps a person takes, by accessible role and name (what a screen reader announces). */
import type { BrowserContext, Page } from "playwright-core";

export const DEMO_LABEL = "Demo (built-in sample data)";

export async function openPane(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  await page.getByRole("heading", { name: /^EOL (for|voor) Excel$/ }).waitFor();
  return page;
}

/** Clicks Sign in and returns the popup that opens (the simulator's consent page). */
export async function clickSignIn(page: Page): Promise<Page> {
  const [popup] = await Promise.all([
    page.context().waitForEvent("page"),
    page.getByRole("button", { name: "Sign in", exact: true }).click(),
  ]);
  await popup.waitForLoadState("domcontentloaded");
  return popup;
}

export async function approveConsent(popup: Page): Promise<void> {
  await popup.getByRole("button", { name: "Approve" }).click();
  await popup.waitForEvent("close", { timeout: 15000 });
}

export async function signInDemo(page: Page): Promise<void> {
  await page.getByLabel("Country").selectOption({ label: DEMO_LABEL });
  const popup = await clickSignIn(page);
  await approveConsent(popup);
  await page.getByRole("button", { name: "Sign out" }).waitFor({ timeout: 15000 });
}
