/**
 * The ribbon in a host that is slow or strict: handlers are associated as soon as the bundle loads
 * (before Office.onReady), the host decision waits for Office.js instead of a timer, and a button's
 * message reaches the user in a dialog where Office ignores showAsTaskpane (Marketplace add-ins).
 */
import fs from "node:fs";
import path from "node:path";
import { officeReady } from "../../../src/addin/office/environment";
import { PANE_VISIBLE_WAIT_MS, noticeUrl, tellUser } from "../../../src/addin/commands/ribbonNotice";
import type { RibbonCommandId } from "../../../src/addin/commands/ribbonCommands";
import { fakeOfficeHost, resetOfficeHost } from "../../support/officeHost";

afterEach(() => {
  resetOfficeHost();
  jest.useRealTimers();
});

/** An Office whose pane shows (or not) when asked, and whose dialogs are recorded. */
function fakeOffice(options: { paneShows: boolean; showThrows?: boolean }) {
  let visibility: ((message: { visibilityMode: string }) => void) | null = null;
  const dialogs: string[] = [];
  const office = {
    addin: {
      onVisibilityModeChanged: jest.fn(async (handler: typeof visibility) => {
        visibility = handler;
        return async () => undefined;
      }),
      showAsTaskpane: jest.fn(async () => {
        if (options.showThrows) throw new Error("not supported");
        // Marketplace add-ins: the call is accepted and ignored, the pane stays hidden.
        if (options.paneShows) setTimeout(() => visibility?.({ visibilityMode: "Taskpane" }), 20);
      }),
    },
    context: {
      ui: {
        displayDialogAsync: jest.fn((url: string, _options: unknown, callback: (result: unknown) => void) => {
          dialogs.push(url);
          callback({
            status: "succeeded",
            value: { addEventHandler: () => undefined, close: () => undefined },
          });
        }),
      },
    },
    AsyncResultStatus: { Succeeded: "succeeded" },
    EventType: { DialogMessageReceived: "dialogMessageReceived" },
    hide: () => visibility?.({ visibilityMode: "Hidden" }),
  };
  fakeOfficeHost({ office: office });
  return { office, dialogs };
}

describe("ribbon handlers", () => {
  test("are associated when the bundle loads, before Office.onReady (which may never come)", () => {
    const associate = jest.fn();
    jest.isolateModules(() => {
      // A fresh copy of the commands module (and of the adapter it reads), as when the page loads.
      type Support = typeof import("../../support/officeHost");
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const copy = require("../../support/officeHost") as Support;
      copy.fakeOfficeHost({
        office: { actions: { associate }, onReady: () => new Promise(() => undefined) },
      });
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require("../../../src/addin/commands/commands");
    });
    const manifest = fs.readFileSync(path.join(__dirname, "../../../manifest.xml"), "utf8");
    const names = [...manifest.matchAll(/<FunctionName>(\w+)<\/FunctionName>/g)].map((m) => m[1]);
    expect(names.length).toBeGreaterThanOrEqual(6);
    expect(associate.mock.calls.map(([id]) => id)).toEqual(expect.arrayContaining(names));
    expect(associate.mock.calls.every(([, fn]) => typeof fn === "function")).toBe(true);
  });

  test("loading outside Office (no Office.js) associates nothing and throws nothing", () => {
    expect(() =>
      jest.isolateModules(() => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        require("../../../src/addin/commands/commands");
      }),
    ).not.toThrow();
  });
});

describe("officeReady", () => {
  test("a host that takes 20 s to be ready is still a host (no timer decides 'outside Office')", async () => {
    jest.useFakeTimers();
    fakeOfficeHost({
      office: {
        onReady: () => new Promise((resolve) => setTimeout(() => resolve({ host: "Excel" }), 20_000)),
        context: { displayLanguage: "nl-NL" },
      },
    });
    const ready = officeReady();
    await jest.advanceTimersByTimeAsync(20_000);
    expect(await ready).toEqual({ inOffice: true, host: "Excel", displayLanguage: "nl-NL" });
  });

  test("a plain browser tab (Office.js reports no host) and a missing Office.js are outside Office", async () => {
    fakeOfficeHost({ office: { onReady: async () => ({ host: null, platform: null }) } });
    expect((await officeReady()).inOffice).toBe(false);
    resetOfficeHost();
    expect((await officeReady()).inOffice).toBe(false);
  });
});

describe("a ribbon message", () => {
  // ribbonNotice keeps the pane's visibility in shared state: start each case with the pane hidden.
  let current: ReturnType<typeof fakeOffice>;
  const place = globalThis as unknown as { location?: URL };
  beforeEach(() => {
    current?.office.hide();
    place.location = new URL("https://eol.example.com/taskpane.html"); // the shared runtime's page
  });
  afterEach(() => delete place.location);

  test("goes to the task pane where Office shows it, without a dialog", async () => {
    current = fakeOffice({ paneShows: true });
    expect(await tellUser({ button: "signIn", openPane: true })).toBe("pane");
    expect(current.office.addin.showAsTaskpane).toHaveBeenCalledTimes(1);
    expect(current.dialogs).toEqual([]);
  });

  test("goes to an Office dialog where showAsTaskpane is ignored (Marketplace) or unavailable", async () => {
    for (const options of [{ paneShows: false }, { paneShows: false, showThrows: true }]) {
      current = fakeOffice(options);
      const started = Date.now();
      expect(await tellUser({ button: "refreshAll", failed: true, code: "not_signed_in" })).toBe("dialog");
      expect(Date.now() - started).toBeGreaterThanOrEqual(options.showThrows ? 0 : PANE_VISIBLE_WAIT_MS - 50);
      expect(current.dialogs).toHaveLength(1);
      const url = new URL(current.dialogs[0]);
      expect(url.origin + url.pathname).toBe("https://eol.example.com/notice.html");
      expect(Object.fromEntries(url.searchParams)).toEqual({
        button: "refreshAll",
        failed: "1",
        code: "not_signed_in",
      });
    }
  });

  test("a failed ribbon command shows its reason (as its error code) in the dialog and completes", async () => {
    current = fakeOffice({ paneShows: false });
    jest.spyOn(console, "error").mockImplementation(() => undefined);
    const { runCommand } = (await import("../../../src/addin/commands/commands")) as {
      runCommand: (id: RibbonCommandId, event: { completed(): void }) => Promise<void>;
    };
    const ribbon = await import("../../../src/addin/commands/ribbonCommands");
    jest
      .spyOn(ribbon.RIBBON_COMMANDS, "clearCache")
      .mockRejectedValue(Object.assign(new Error("Exact is away."), { code: "exact_unavailable" }));
    const completed = jest.fn();
    await runCommand("clearCache", { completed });
    expect(completed).toHaveBeenCalledTimes(1);
    const url = new URL(current.dialogs[0]);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      button: "clearCache",
      failed: "1",
      code: "exact_unavailable",
    });
  });

  test("the dialog page is on the add-in's own origin, with codes (never text) in the query", () => {
    expect(
      noticeUrl({ button: "signIn", code: "network_error", openPane: true }, "https://eol.example.com"),
    ).toBe("https://eol.example.com/notice.html?button=signIn&code=network_error&pane=1");
  });
});
