/**
 * Admin-managed mode in a real browser: the gateway holds the Exact app (EOL_CLIENT_ID …), so the task
 * pane hides the connection fields, says so, and only signs in.
 */
jest.setTimeout(90_000);

import type { AddressInfo } from "node:net";
import type { Browser } from "playwright-core";
import { launchBrowser, newAddinContext, type AddinContext } from "../support/e2e/browser";
import { bindGatewayServer } from "../../src/gateway/start";
import { startStack, type Stack } from "../support/e2e/stack";
import { approveConsent, clickSignIn, openPane } from "../support/e2e/pane";

const APP = { clientId: "0b7e4c1a-2d3f-4a5b-8c6d-7e8f9a0b1c2d", clientSecret: "managed-secret-5e2a1c" };

let browser: Browser;
let stack: Stack;
let addin: AddinContext;

beforeAll(async () => {
  browser = await launchBrowser();
  // The redirect URI names the port, so the gateway's server is bound first and handed over (no race).
  const server = await bindGatewayServer(null, "127.0.0.1");
  const { port } = server.address() as AddressInfo;
  const redirectUri = `http://127.0.0.1:${port}/auth/callback`;
  stack = await startStack(
    (simulator) => {
      simulator.apps.register({ ...APP, name: "Contoso EOL", redirectUris: [redirectUri] });
      return {
        PORT: String(port),
        EOL_EXACT_BASE_URL: simulator.url,
        EOL_CLIENT_ID: `{${APP.clientId.toUpperCase()}}`,
        EOL_CLIENT_SECRET: APP.clientSecret,
        EOL_REDIRECT_URI: redirectUri,
        EOL_COUNTRY: "nl",
      };
    },
    {},
    { server },
  );
  addin = await newAddinContext(browser);
});
afterAll(async () => {
  await addin?.context.close();
  await browser?.close();
  await stack?.close();
});

test("hides the connection fields, says the app is managed, and signs in", async () => {
  const page = await openPane(addin.context, `${stack.gateway.url}/taskpane.html`);
  await page.getByText("Managed by your organisation").waitFor();
  for (const field of ["Country", "Client ID", "Client secret", "Redirect URI"]) {
    expect(await page.getByLabel(field, { exact: true }).count()).toBe(0);
  }
  await approveConsent(await clickSignIn(page));
  await page.getByRole("button", { name: "Sign out" }).waitFor({ timeout: 15000 });
  const session = await page.evaluate(async () => {
    const token = localStorage.getItem("eol.sessionToken");
    const res = await fetch("/auth/session", { headers: { authorization: `Bearer ${token}` } });
    return (await res.json()) as { managed: boolean; country: string; clientIdMasked: string };
  });
  expect(session).toMatchObject({ managed: true, country: "nl" });
  expect(session.clientIdMasked).not.toContain(APP.clientId.slice(8, 28));
  expect(addin.pageErrors).toEqual([]);
});
