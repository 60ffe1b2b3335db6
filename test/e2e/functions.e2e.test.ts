/**
 * The EOL custom functions running in the browser page exactly as Excel loads them (taskpane.html with
 * functions.js), called through the CustomFunctions.associate registrations a stand-in Office.js records.
 */
jest.setTimeout(90_000);

import type { Browser, Page } from "playwright-core";
import { activeRoleHolders, defaultGrant } from "../../src/simulator";
import { launchBrowser, newAddinContext, type AddinContext } from "../support/e2e/browser";
import { startStack, type Stack } from "../support/e2e/stack";
import { openPane, signInDemo } from "../support/e2e/pane";

let browser: Browser;
let stack: Stack;
let addin: AddinContext;
let page: Page;

type CellResult = { value: unknown[][] } | { error: { code: string; message: string } };

/** Calls a registered custom function in the page; a thrown CustomFunctions.Error comes back as `error`. */
function callFunction(id: string, ...args: unknown[]): Promise<CellResult> {
  return page.evaluate(
    async ({ id, args }) => {
      const registered = (
        window as unknown as { __eolAssociated: Record<string, (...a: unknown[]) => unknown> }
      ).__eolAssociated;
      try {
        return { value: (await registered[id](...args)) as unknown[][] };
      } catch (error) {
        const e = error as { code?: string; message?: string };
        return { error: { code: String(e.code), message: String(e.message) } };
      }
    },
    { id, args },
  );
}

function table(result: CellResult): unknown[][] {
  if ("error" in result)
    throw new Error(`Expected a table, got ${result.error.code} ${result.error.message}`);
  return result.value;
}

beforeAll(async () => {
  browser = await launchBrowser();
  stack = await startStack();
  addin = await newAddinContext(browser, { officeJs: "stand-in" });
  page = await openPane(addin.context, `${stack.gateway.url}/taskpane.html`);
});
afterAll(async () => {
  await addin?.context.close();
  await browser?.close();
  await stack?.close();
});

test("registers every function of functions.json with CustomFunctions.associate", async () => {
  const metadata = (await (await fetch(`${stack.gateway.url}/functions.json`)).json()) as {
    functions: { id: string }[];
  };
  const ids = await page.evaluate(() =>
    Object.keys((window as unknown as { __eolAssociated: object }).__eolAssociated),
  );
  expect(ids.sort()).toEqual(metadata.functions.map((f) => f.id).sort());
  expect(ids).toEqual(
    expect.arrayContaining(["VERSION", "DIVISIONS", "USERS", "USERROLES", "ROLEHOLDERS", "WHOAMI", "QUERY"]),
  );
});

test("signed out, a data function answers #N/A asking to sign in", async () => {
  expect(await callFunction("DIVISIONS", null, null)).toEqual({
    error: { code: "#N/A", message: "Sign in to Exact Online (EOL task pane)" },
  });
});

describe("signed in to the demo", () => {
  beforeAll(async () => {
    await signInDemo(page);
  });

  test("DIVISIONS spills the granted demo divisions under a header row", async () => {
    const rows = table(await callFunction("DIVISIONS", null, null));
    const data = stack.simulator.data;
    const granted = defaultGrant(data, data.primaryUserId);
    expect(rows[0]).toEqual(expect.arrayContaining(["Division", "Name"]));
    expect(rows.length - 1).toBe(granted.length);
    const codeColumn = rows[0].indexOf("Division");
    expect(
      rows
        .slice(1)
        .map((r) => r[codeColumn])
        .sort(),
    ).toEqual([...granted].sort());
    // Without headers the same rows, one fewer.
    expect(table(await callFunction("DIVISIONS", false, null))).toEqual(rows.slice(1));
  });

  test("ROLEHOLDERS(274) names exactly the demo's active subscription managers", async () => {
    const rows = table(await callFunction("ROLEHOLDERS", 274, null, null));
    const data = stack.simulator.data;
    const expected = activeRoleHolders(data, 274, Date.now())
      .map((id) => data.users.find((u) => u.userId === id)!.fullName)
      .sort();
    expect(expected).toHaveLength(2);
    const nameColumn = rows[0].indexOf("Full name");
    expect(nameColumn).toBeGreaterThanOrEqual(0);
    expect(
      rows
        .slice(1)
        .map((r) => r[nameColumn])
        .sort(),
    ).toEqual(expected);
  });

  test("ROLES, ROLECHANGES and ACCESSISSUES answer the access review from the demo's data", async () => {
    const data = stack.simulator.data;
    const blocked = new Set(data.divisions.filter((d) => d.blockingStatus !== 0).map((d) => d.code));
    const scope = defaultGrant(data, data.primaryUserId).filter((code) => !blocked.has(code));
    const rows = data.roles.filter((row) => scope.includes(row.division));
    const DAY = 86_400_000;
    const now = Date.now();
    const today = Math.floor(now / DAY) * DAY;

    const roles = table(await callFunction("ROLES", null, null));
    expect(roles.slice(1).map((r) => r[0])).toEqual(
      [...new Set(rows.map((r) => r.role))].sort((a, b) => a - b),
    );

    const since = today - 90 * DAY;
    const changes = table(
      await callFunction("ROLECHANGES", new Date(since).toISOString().slice(0, 10), null, null, false),
    );
    const grants = rows.filter((r) => (r.startDate !== null && r.startDate >= since) || r.created >= since);
    // A grant whose start is still to come is "Starting": not held yet.
    const starting = grants.filter((r) => r.startDate !== null && r.startDate > now);
    expect(changes.filter((r) => r[0] === "Granted")).toHaveLength(grants.length - starting.length);
    expect(changes.filter((r) => r[0] === "Starting")).toHaveLength(starting.length);
    expect(grants.length - starting.length).toBeGreaterThan(0);
    expect(starting.length).toBeGreaterThan(0);

    const issues = table(await callFunction("ACCESSISSUES", null, null, null));
    const held = new Set(
      rows
        .filter(
          (r) => (r.startDate === null || r.startDate <= now) && (r.endDate === null || r.endDate >= today),
        )
        .map((r) => r.userId),
    );
    const expected = data.users.filter(
      (u) =>
        held.has(u.userId) &&
        ((u.endDate !== null && u.endDate < now) || u.lastLogin === null || u.lastLogin < now - 90 * DAY),
    );
    const nameColumn = issues[0].indexOf("Full name");
    // Login findings here; the two-step rows are checked against the data set in the function tests.
    const twoStep = /two-step/i;
    expect(
      issues
        .slice(1)
        .filter((r) => !twoStep.test(String(r[0])))
        .map((r) => r[nameColumn])
        .sort(),
    ).toEqual(expected.map((u) => u.fullName).sort());
    expect(issues.slice(1).map((r) => r[nameColumn])).toEqual(
      expect.arrayContaining(["Lars Dekker", "Noor Mulder"]),
    );

    const bad = await callFunction("ROLECHANGES", "someday", null, null, null);
    expect(bad).toEqual({ error: { code: "#VALUE!", message: expect.stringMatching(/^since: /) } });
  });

  test("a bad argument gives #VALUE! naming the argument and what it accepts", async () => {
    const result = await callFunction("DIVISIONS", null, "everything");
    expect(result).toEqual({
      error: { code: "#VALUE!", message: expect.stringMatching(/^scope: .*accessible.*license/) },
    });
    const role = await callFunction("ROLEHOLDERS", "boss", null, null);
    expect(role).toEqual({ error: { code: "#VALUE!", message: expect.stringMatching(/^role: /) } });
  });

  test("a review served to the page, decided and signed off, is listed by REVIEWS as intact", async () => {
    // The pane outside Excel has no sheet: the page sends what Sign off sends, with its own session.
    const signed = await page.evaluate(async () => {
      const headers = { authorization: `Bearer ${localStorage.getItem("eol.sessionToken")}` };
      const review = (await (await fetch("/api/v1/access-review", { headers })).json()) as {
        snapshotId: string;
      };
      const response = await fetch("/api/v1/reviews", {
        method: "POST",
        headers: { ...headers, "content-type": "application/json" },
        body: JSON.stringify({
          snapshotId: review.snapshotId,
          decisions: [{ table: "holders", row: 1, decision: "Remove", comment: "e2e" }],
        }),
      });
      return { status: response.status, body: (await response.json()) as { id: string; hash: string } };
    });
    expect(signed.status).toBe(201);
    const rows = table(await callFunction("REVIEWS", true));
    expect(rows[0][0]).toBe("Review");
    const listed = rows.find((row) => row[0] === signed.body.id)!;
    expect(listed.slice(-4)).toEqual([1, 1, signed.body.hash, "Intact"]);
  });

  test("VERSION answers the package version", async () => {
    expect(
      await page.evaluate(() =>
        (window as unknown as { __eolAssociated: Record<string, () => string> }).__eolAssociated.VERSION(),
      ),
    ).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
