/** @jest-environment jsdom */
import { signInWithSettings } from "../../../src/addin/auth/signInFlow";
import { SignInError } from "../../../src/addin/auth/signInError";
import { getSignInState } from "../../../src/addin/auth/signInState";
import {
  openOfficeDialog,
  openPopupWindow,
  parseCompletionMessage,
} from "../../../src/addin/auth/signInWindow";
import { newLoginSecret } from "../../../src/addin/auth/loginSecret";
import { getSessionToken } from "../../../src/addin/session/tokenStore";
import {
  ORIGIN,
  apiError,
  fakeGateway,
  fakePopup,
  postCompletion,
  signInRoutes,
} from "../../support/addin/fakeGateway";
import { resetPaneState } from "../../support/addin/renderPane";
import { fakeOfficeHost, resetOfficeHost } from "../../support/officeHost";
import { oneDialogOffice } from "../../support/addin/officeDialogs";

/** The one-time code auth-complete.html passes on; redeem must send it. */
const COMPLETION = "c".repeat(43);

beforeEach(resetPaneState);
afterEach(() => {
  jest.useRealTimers();
  jest.restoreAllMocks();
  resetOfficeHost();
});

function popupWindow() {
  const popup = fakePopup();
  const open = jest.spyOn(window, "open").mockReturnValue(popup as unknown as Window);
  return { popup, open, openWindow: () => openPopupWindow(window) };
}

/** Lets queued promise callbacks run (fetch fakes, awaits) without advancing fake timers. */
async function settle(): Promise<void> {
  for (let i = 0; i < 10; i += 1) await Promise.resolve();
}

test("login secrets are long, URL-safe and different every time", () => {
  const a = newLoginSecret();
  const b = newLoginSecret();
  expect(a.length).toBeGreaterThanOrEqual(32);
  expect(a).toMatch(/^[A-Za-z0-9_-]+$/);
  expect(a).not.toBe(b);
});

test("popup flow: opens at once, loads the start URL, redeems with the same login secret, stores the token", async () => {
  const gateway = fakeGateway(signInRoutes());
  const { popup, open, openWindow } = popupWindow();
  const done = signInWithSettings(
    { country: "nl", clientId: "x", clientSecret: "y" },
    { client: gateway.client, openWindow },
  );
  expect(open).toHaveBeenCalledTimes(1); // synchronously, inside the click
  expect(getSignInState().phase).toBe("signing-in");
  await settle();
  expect(popup.location.href).toBe(`${ORIGIN}/sign-in.html?login=login-1`);

  postCompletion(
    { type: "eol-login", status: "ok", loginId: "login-1", completionCode: COMPLETION },
    "https://evil.example",
  );
  postCompletion({ type: "something-else" });
  await settle();
  expect(gateway.requests.some((r) => r.path.endsWith("/redeem"))).toBe(false); // both ignored

  postCompletion({ type: "eol-login", status: "ok", loginId: "login-1", completionCode: COMPLETION });
  const session = await done;
  expect(session.user.fullName).toBe("Jan de Vries");
  const start = gateway.requests.find((r) => r.path === "/auth/logins")!.body as { loginSecret: string };
  const redeem = gateway.requests.find((r) => r.path.endsWith("/redeem"))!.body as {
    loginSecret: string;
    completionCode: string;
  };
  expect(redeem.loginSecret).toBe(start.loginSecret);
  expect(redeem.completionCode).toBe(COMPLETION);
  expect(popup.closed).toBe(true);
  expect(await getSessionToken()).toBe("tok-123");
  expect(localStorage.getItem("eol.sessionToken")).toBe("tok-123");
  expect(getSignInState()).toMatchObject({ phase: "signed-in" });
});

test("a popup closed by the user fails with popup_closed", async () => {
  jest.useFakeTimers();
  const gateway = fakeGateway(signInRoutes());
  const { popup, openWindow } = popupWindow();
  const done = signInWithSettings({ country: "demo" }, { client: gateway.client, openWindow });
  await settle();
  popup.close();
  jest.advanceTimersByTime(600);
  await expect(done).rejects.toMatchObject({ code: "popup_closed" });
  expect(getSignInState()).toMatchObject({ phase: "failed", code: "popup_closed" });
  expect(await getSessionToken()).toBeNull();
});

test("a blocked popup fails with popup_blocked", async () => {
  jest.spyOn(window, "open").mockReturnValue(null);
  const gateway = fakeGateway(signInRoutes());
  await expect(
    signInWithSettings(
      { country: "demo" },
      { client: gateway.client, openWindow: () => openPopupWindow(window) },
    ),
  ).rejects.toMatchObject({ code: "popup_blocked" });
});

test("the gateway's error page result becomes the sign-in error, without redeeming", async () => {
  const gateway = fakeGateway(signInRoutes());
  const { openWindow } = popupWindow();
  const done = signInWithSettings({ country: "nl" }, { client: gateway.client, openWindow });
  await settle();
  postCompletion({
    type: "eol-login",
    status: "error",
    loginId: "login-1",
    code: "invalid_client",
    message: "Wrong secret.",
  });
  await expect(done).rejects.toMatchObject({ code: "invalid_client" });
  expect(gateway.requests.some((r) => r.path.endsWith("/redeem"))).toBe(false);
});

test("an answer for another login is refused", async () => {
  const gateway = fakeGateway(signInRoutes());
  const { openWindow } = popupWindow();
  const done = signInWithSettings({ country: "nl" }, { client: gateway.client, openWindow });
  await settle();
  postCompletion({ type: "eol-login", status: "ok", loginId: "login-other", completionCode: COMPLETION });
  await expect(done).rejects.toMatchObject({ code: "login_mismatch" });
});

test("an answer without the completion code is refused and never redeemed", async () => {
  const gateway = fakeGateway(signInRoutes());
  const { openWindow } = popupWindow();
  const done = signInWithSettings({ country: "nl" }, { client: gateway.client, openWindow });
  await settle();
  postCompletion({ type: "eol-login", status: "ok", loginId: "login-1" });
  await expect(done).rejects.toMatchObject({ code: "bad_message" });
  expect(gateway.requests.some((r) => r.path.endsWith("/redeem"))).toBe(false);
});

test("when POST /auth/logins fails the popup is closed and the gateway's code is kept", async () => {
  const routes = signInRoutes();
  routes["POST /auth/logins"] = () => apiError(400, "invalid_request", "clientSecret is required.");
  const gateway = fakeGateway(routes);
  const { popup, openWindow } = popupWindow();
  await expect(signInWithSettings({ country: "nl" }, { client: gateway.client, openWindow })).rejects.toEqual(
    new SignInError("invalid_request", "clientSecret is required."),
  );
  expect(popup.closed).toBe(true);
});

test("completion messages are parsed strictly (JSON string or object)", () => {
  expect(parseCompletionMessage('{"type":"eol-login","status":"ok","loginId":"a"}')).toEqual({
    type: "eol-login",
    status: "ok",
    loginId: "a",
    code: undefined,
    message: undefined,
  });
  expect(parseCompletionMessage("not json")).toBeNull();
  expect(parseCompletionMessage({ type: "eol-login", status: "maybe" })).toBeNull();
  expect(parseCompletionMessage({ type: "eol-login", status: "ok", loginId: 5 })).toBeNull();
});

describe("Office dialog", () => {
  type Handler = (arg: unknown) => void;

  function fakeOffice(openResults: Array<{ code: number } | "ok">) {
    const handlers: Record<string, Handler> = {};
    const dialog = {
      addEventHandler: jest.fn((type: string, h: Handler) => (handlers[type] = h)),
      close: jest.fn(),
    };
    const displayDialogAsync = jest.fn(
      (_url: string, _options: unknown, callback: (result: unknown) => void) => {
        const next = openResults.shift() ?? "ok";
        callback(
          next === "ok"
            ? { status: "succeeded", value: dialog }
            : { status: "failed", error: { code: next.code, message: `Office error ${next.code}` } },
        );
      },
    );
    fakeOfficeHost({
      office: {
        AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
        EventType: { DialogMessageReceived: "message", DialogEventReceived: "event" },
        context: { ui: { displayDialogAsync }, host: "Excel" },
      },
    });
    return { handlers, dialog, displayDialogAsync };
  }

  test("messages from another origin are ignored; ours closes the dialog and resolves", async () => {
    const office = fakeOffice(["ok"]);
    const running = openOfficeDialog(ORIGIN).run(`${ORIGIN}/auth/logins/l/start`);
    await settle();
    expect(office.displayDialogAsync).toHaveBeenCalledWith(
      `${ORIGIN}/auth/logins/l/start`,
      expect.objectContaining({ displayInIframe: false }),
      expect.any(Function),
    );
    office.handlers.message({
      message: '{"type":"eol-login","status":"ok","loginId":"l"}',
      origin: "https://evil.example",
    });
    expect(office.dialog.close).not.toHaveBeenCalled();
    office.handlers.message({ message: '{"type":"eol-login","status":"ok","loginId":"l"}', origin: ORIGIN });
    await expect(running).resolves.toMatchObject({ status: "ok", loginId: "l" });
    expect(office.dialog.close).toHaveBeenCalled();
  });

  test("12006 (closed by the user) from the dialog event becomes the error code", async () => {
    const office = fakeOffice(["ok"]);
    const running = openOfficeDialog(ORIGIN).run(`${ORIGIN}/start`);
    await settle();
    office.handlers.event({ error: 12006 });
    await expect(running).rejects.toMatchObject({ code: "12006" });
  });

  test.each([12004, 12005, 12009, 12011])(
    "displayDialogAsync failure %i is reported by its code",
    async (code) => {
      fakeOffice([{ code }]);
      await expect(openOfficeDialog(ORIGIN).run(`${ORIGIN}/start`)).rejects.toMatchObject({
        code: String(code),
      });
    },
  );

  test("12007 (a dialog is still open) is retried once", async () => {
    jest.useFakeTimers();
    const office = fakeOffice([{ code: 12007 }, "ok"]);
    const running = openOfficeDialog(ORIGIN).run(`${ORIGIN}/start`);
    await settle();
    jest.advanceTimersByTime(1000);
    await settle();
    expect(office.displayDialogAsync).toHaveBeenCalledTimes(2);
    office.handlers.message({
      message: JSON.stringify({ type: "eol-login", status: "ok", loginId: "z" }),
      origin: ORIGIN,
    });
    await expect(running).resolves.toMatchObject({ loginId: "z" });
  });

  test("the whole flow uses the dialog when running inside Office", async () => {
    const office = fakeOffice(["ok"]);
    const open = jest.spyOn(window, "open");
    const gateway = fakeGateway(signInRoutes());
    const done = signInWithSettings({}, { client: gateway.client });
    await settle();
    await settle();
    expect(open).not.toHaveBeenCalled();
    expect(office.displayDialogAsync).toHaveBeenCalled();
    office.handlers.message({
      message: JSON.stringify({
        type: "eol-login",
        status: "ok",
        loginId: "login-1",
        completionCode: COMPLETION,
      }),
      origin: ORIGIN,
    });
    await expect(done).resolves.toMatchObject({ country: "nl" });
    expect(gateway.requests.find((r) => r.path === "/auth/logins")!.body).toEqual({
      loginSecret: expect.any(String),
    });
  });
});

describe("Office dialog, one per host page (Office's rule)", () => {
  const run = (office: ReturnType<typeof oneDialogOffice>) => {
    fakeOfficeHost({ office: office.office });
    return openOfficeDialog(ORIGIN).run(`${ORIGIN}/sign-in.html?login=l`);
  };

  test.each([12002, 12003, 12006])(
    "after %i the dialog is closed, so the next Sign in opens without 12007",
    async (code) => {
      const office = oneDialogOffice();
      const first = run(office);
      await settle();
      office.event(code);
      await expect(first).rejects.toMatchObject({ code: String(code) });
      const second = run(office);
      await new Promise((resolve) => setTimeout(resolve, 1500)); // past the one 12007 retry
      expect(office.opened).toHaveLength(2);
      office.message(JSON.stringify({ type: "eol-login", status: "ok", loginId: "l" }), ORIGIN);
      await expect(second).resolves.toMatchObject({ status: "ok" });
    },
  );

  test("the sign-in opens on the add-in's own first page, which loads Office.js before going to Exact", async () => {
    const office = oneDialogOffice();
    fakeOfficeHost({ office: office.office });
    const gateway = fakeGateway(signInRoutes());
    const done = signInWithSettings({}, { client: gateway.client });
    await settle();
    await settle();
    expect(office.opened).toEqual([`${ORIGIN}/sign-in.html?login=login-1`]);
    office.message(
      JSON.stringify({ type: "eol-login", status: "ok", loginId: "login-1", completionCode: COMPLETION }),
      ORIGIN,
    );
    await expect(done).resolves.toMatchObject({ country: "nl" });
  });
});
