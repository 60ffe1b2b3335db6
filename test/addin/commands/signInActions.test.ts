/** @jest-environment jsdom */
// The runtime's data services client uses location.origin (jsdom: http://localhost) and reads the global fetch per call.
import { signIn, signOut } from "../../../src/addin/commands/signInActions";
import { saveConnectionSettings } from "../../../src/addin/auth/connectionSettings";
import { getSignInState, setSignInState } from "../../../src/addin/auth/signInState";
import { resetSessionTokenCache } from "../../../src/addin/session/tokenStore";
import {
  ORIGIN,
  apiError,
  fakePopup,
  postCompletion,
  signInRoutes,
  unmanagedConfig,
  type Handler,
} from "../../support/addin/fakeGateway";
import { fakeOfficeHost, resetOfficeHost } from "../../support/officeHost";

/** The one-time code auth-complete.html passes on; redeem must send it. */
const COMPLETION = "c".repeat(43);

/**
 * signIn()/signOut() as the ribbon calls them use the runtime's data services client, i.e. the global
 * fetch: route it to the fake gateway here.
 */
let routes: Record<string, Handler>;
const bodies: Array<{ path: string; body: unknown }> = [];

beforeEach(() => {
  localStorage.clear();
  resetSessionTokenCache();
  setSignInState({ phase: "idle" });
  bodies.length = 0;
  routes = signInRoutes();
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), ORIGIN);
    const body = typeof init?.body === "string" ? JSON.parse(init.body) : undefined;
    bodies.push({ path: url.pathname, body });
    const handler = routes[`${init?.method ?? "GET"} ${url.pathname}`];
    const answer = handler
      ? await handler({ method: init?.method ?? "GET", path: url.pathname, headers: {}, body })
      : apiError(404, "not_found", "no route");
    return {
      ok: answer.status < 300,
      status: answer.status,
      json: async () => answer.body ?? null,
    } as Response;
  }) as typeof fetch;
  showAsTaskpane = jest.fn(async () => undefined);
  fakeOfficeHost({ office: { addin: { showAsTaskpane } } });
});

afterEach(() => {
  jest.restoreAllMocks();
  resetOfficeHost();
});

let showAsTaskpane: jest.Mock;

function showTaskpane(): jest.Mock {
  return showAsTaskpane;
}

async function settle(): Promise<void> {
  for (let i = 0; i < 20; i += 1) await Promise.resolve();
}

test("without saved settings the ribbon's Sign in opens the task pane and starts nothing", async () => {
  const open = jest.spyOn(window, "open");
  await signIn();
  expect(showTaskpane()).toHaveBeenCalled();
  expect(open).not.toHaveBeenCalled();
  expect(bodies.some((b) => b.path === "/auth/logins")).toBe(false);
});

test("with saved settings it signs in with them (no secret: the gateway decides) and stores the session", async () => {
  saveConnectionSettings({ country: "demo", clientId: "", redirectUri: "" });
  const popup = fakePopup();
  jest.spyOn(window, "open").mockReturnValue(popup as unknown as Window);
  const done = signIn();
  await settle();
  expect(bodies.find((b) => b.path === "/auth/logins")?.body).toEqual({
    loginSecret: expect.any(String),
    country: "demo",
  });
  postCompletion({ type: "eol-login", status: "ok", loginId: "login-1", completionCode: COMPLETION });
  await done;
  expect(getSignInState().phase).toBe("signed-in");
  expect(localStorage.getItem("eol.sessionToken")).toBe("tok-123");
  expect(showTaskpane()).not.toHaveBeenCalled();

  await signOut();
  expect(localStorage.getItem("eol.sessionToken")).toBeNull();
  expect(bodies.some((b) => b.path === "/auth/session")).toBe(true);
  expect(getSignInState().phase).toBe("idle");
});

test("an own app needs its secret again: the pane opens, no login is started", async () => {
  saveConnectionSettings({
    country: "nl",
    clientId: "3f1c0b4e-1d2a-4c5b-9e8f-0a1b2c3d4e5f",
    redirectUri: "",
  });
  const open = jest.spyOn(window, "open");
  await signIn();
  expect(showTaskpane()).toHaveBeenCalled();
  expect(open).not.toHaveBeenCalled();
  expect(bodies.some((b) => b.path === "/auth/logins")).toBe(false);
});

test("a failing sign-in opens the pane, where the failure is shown", async () => {
  saveConnectionSettings({ country: "demo", clientId: "", redirectUri: "" });
  routes["POST /auth/logins"] = () => apiError(429, "too_many_requests", "Slow down.");
  jest.spyOn(window, "open").mockReturnValue(fakePopup() as unknown as Window);
  await signIn();
  expect(showTaskpane()).toHaveBeenCalled();
  expect(getSignInState()).toMatchObject({ phase: "failed", code: "too_many_requests" });
});

test("managed mode signs in without any settings", async () => {
  routes["GET /auth/config"] = () => ({ status: 200, body: { ...unmanagedConfig, managed: true } });
  jest.spyOn(window, "open").mockReturnValue(fakePopup() as unknown as Window);
  const done = signIn();
  await settle();
  expect(bodies.find((b) => b.path === "/auth/logins")?.body).toEqual({ loginSecret: expect.any(String) });
  postCompletion({ type: "eol-login", status: "ok", loginId: "login-1", completionCode: COMPLETION });
  await done;
  expect(getSignInState().phase).toBe("signed-in");
});
