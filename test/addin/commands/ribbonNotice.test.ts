/** @jest-environment jsdom */
/**
 * A ribbon message in hosts that ignore or stall showAsTaskpane (Marketplace add-ins since February
 * 2026), in Excel on the web (where the hidden runtime's page says it is "visible"), and next to the
 * sign-in dialog (Office allows one dialog per host page): it is never lost, and never blocks sign-in.
 */
import { openOfficeDialog } from "../../../src/addin/auth/signInWindow";
import { latestNotice } from "../../../src/addin/commands/noticeBoard";
import { PANE_VISIBLE_WAIT_MS, tellUser, type Notice } from "../../../src/addin/commands/ribbonNotice";
import { oneDialogOffice } from "../../support/addin/officeDialogs";
import { fakeOfficeHost, resetOfficeHost } from "../../support/officeHost";

afterEach(resetOfficeHost);

const ORIGIN = window.location.origin;
const NOTICE: Notice = { button: "refreshAll", failed: true, code: "not_signed_in" };

// The runtime registers for visibility events once (when a host first has the API), as in Office.
let visibility: ((message: { visibilityMode: string }) => void) | null = null;

/** Office with a task pane API whose showAsTaskpane does what `show` says, and the one-dialog rule. */
function officeWithPane(show: () => Promise<void>) {
  const dialogs = oneDialogOffice({
    addin: {
      onVisibilityModeChanged: async (handler: typeof visibility) => {
        visibility = handler;
        return async () => undefined;
      },
      showAsTaskpane: show,
    },
  });
  fakeOfficeHost({ office: dialogs.office });
  return { dialogs, report: (mode: string) => visibility?.({ visibilityMode: mode }) };
}

test("the pane counts as hidden until Office says it is visible (the page's own visibility is no guide)", async () => {
  expect(document.visibilityState).toBe("visible"); // as Excel on the web's hidden runtime frame says
  const { dialogs } = officeWithPane(async () => undefined); // accepted and ignored
  expect(await tellUser(NOTICE)).toBe("dialog");
  expect(dialogs.opened).toHaveLength(1);
  expect(new URL(dialogs.opened[0]).pathname).toBe("/notice.html");
});

test("a showAsTaskpane that never settles does not hold the message: the dialog shows it in time", async () => {
  const { dialogs } = officeWithPane(() => new Promise<void>(() => undefined));
  await new Promise((resolve) => setTimeout(resolve, 100)); // the previous notice has closed
  const started = Date.now();
  expect(await tellUser(NOTICE)).toBe("dialog");
  expect(Date.now() - started).toBeLessThan(PANE_VISIBLE_WAIT_MS + 1000);
  expect(dialogs.opened).toHaveLength(1);
});

test("the pane is used once Office reports it visible", async () => {
  const office = officeWithPane(async () => {
    setTimeout(() => office.report("Taskpane"), 20);
  });
  expect(await tellUser(NOTICE)).toBe("pane");
  expect(office.dialogs.requested).toEqual([]);
  office.report("Hidden");
});

test("an open notice never blocks sign-in: the sign-in dialog replaces it", async () => {
  const { dialogs } = officeWithPane(async () => undefined);
  expect(await tellUser(NOTICE)).toBe("dialog");
  const signIn = openOfficeDialog(ORIGIN).run(`${ORIGIN}/sign-in.html?login=l`);
  await new Promise((resolve) => setTimeout(resolve, 1500)); // past the one 12007 retry
  expect(dialogs.opened.map((url) => new URL(url).pathname)).toEqual(["/notice.html", "/sign-in.html"]);
  dialogs.message(JSON.stringify({ type: "eol-login", status: "ok", loginId: "l" }), ORIGIN);
  await expect(signIn).resolves.toMatchObject({ status: "ok" });
});

test("a message Office cannot show while a sign-in is open stays on the pane's board", async () => {
  const { dialogs } = officeWithPane(async () => undefined);
  await new Promise((resolve) => setTimeout(resolve, 100));
  const signIn = openOfficeDialog(ORIGIN).run(`${ORIGIN}/sign-in.html?login=l`);
  signIn.catch(() => undefined);
  jest.spyOn(console, "error").mockImplementation(() => undefined);
  const notice: Notice = { button: "clearCache", failed: true, code: "exact_unavailable" };
  expect(await tellUser(notice)).toBe("board");
  expect(dialogs.opened.map((url) => new URL(url).pathname)).toEqual(["/sign-in.html"]);
  expect(latestNotice()).toEqual(notice);
});
