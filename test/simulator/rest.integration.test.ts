/** REST endpoints: scoping, field names, status codes, 401/403/404/501, XML divisions, Atom, no CORS. */
import { XMLParser } from "fast-xml-parser";
import {
  defaultGrant,
  roleDescription,
  activeRoleHolders,
  ROLE_MANAGE_SUBSCRIPTION,
} from "../../src/simulator";
import {
  api,
  errorText,
  signIn,
  startTestSimulator,
  type ODataPage,
  type TestSim,
  type Tokens,
} from "../support/simulator";

let t: TestSim;
let tokens: Tokens;
let main: number;
beforeAll(async () => {
  t = await startTestSimulator();
  tokens = await signIn(t.sim);
  main = t.sim.data.divisions[0].code;
});
afterAll(() => t.sim.close());

async function results(path: string): Promise<Array<Record<string, unknown>>> {
  const response = await api(t.sim, tokens.access_token, path);
  expect(response.status).toBe(200);
  return ((await response.json()) as ODataPage).d.results;
}

describe("current/Me", () => {
  it("is collection-shaped, without a division, with __metadata", async () => {
    const [me] = await results("/api/v1/current/Me");
    const user = t.sim.data.users.find((u) => u.userId === t.sim.data.primaryUserId)!;
    expect(me.__metadata).toEqual({
      uri: `${t.sim.url}/api/v1/current/Me(guid'${user.userId}')`,
      type: "Exact.Web.Api.System.Me",
    });
    expect(me).toMatchObject({
      UserID: user.userId,
      FullName: user.fullName,
      UserName: user.userName,
      CurrentDivision: user.currentDivision,
    });
    expect(await results("/api/v1/current/Me?$select=CurrentDivision")).toEqual([
      { __metadata: me.__metadata, CurrentDivision: user.currentDivision },
    ]);
  });
});

describe("divisions", () => {
  it("system/Divisions lists the granted divisions with Exact's field names and /Date()/ dates", async () => {
    const rows = await results(`/api/v1/${main}/system/Divisions`);
    expect(rows.map((r) => r.Code)).toEqual(defaultGrant(t.sim.data, t.sim.data.primaryUserId));
    for (const name of [
      "Hid",
      "IsMainDivision",
      "Status",
      "BlockingStatus",
      "Customer",
      "Current",
      "ArchiveDate",
      "StartDate",
    ]) {
      expect(rows[0]).toHaveProperty(name);
    }
    const archived = rows.find((r) => r.Status === 2)!;
    expect(archived.ArchiveDate).toMatch(/^\/Date\(\d+\)\/$/);
    expect(rows.some((r) => r.StartDate === null)).toBe(true);
    expect(rows.some((r) => r.BlockingStatus !== 0)).toBe(true);
    expect(rows.filter((r) => r.Current === true)).toHaveLength(1);
  });

  it("system/Divisions filtered by codes (Code eq … or …) answers only those the user can open", async () => {
    const granted = defaultGrant(t.sim.data, t.sim.data.primaryUserId);
    const asked = [granted[1], 999999, granted[0]];
    const filter = encodeURIComponent(asked.map((code) => `Code eq ${code}`).join(" or "));
    const rows = await results(`/api/v1/${main}/system/Divisions?$select=Code&$filter=${filter}`);
    expect(rows.map((r) => r.Code)).toEqual([granted[0], granted[1]].sort((a, b) => a - b));
  });

  it("refuses a filter with more comparisons than maxFilterComparisons (a limit Exact may have)", async () => {
    const limited = await startTestSimulator({ maxFilterComparisons: 2 });
    try {
      const other = await signIn(limited.sim);
      const filter = (n: number) =>
        encodeURIComponent(Array.from({ length: n }, (_, i) => `Code eq ${i + 1}`).join(" or "));
      const path = (n: number) => `/api/v1/${main}/system/Divisions?$select=Code&$filter=${filter(n)}`;
      expect((await api(limited.sim, other.access_token, path(2))).status).toBe(200);
      const refused = await api(limited.sim, other.access_token, path(3));
      expect(refused.status).toBe(400);
      expect(await errorText(refused)).toBe("Bad Request - Error in query syntax.");
    } finally {
      await limited.sim.close();
    }
  });

  it("hrm/Divisions has its own names (HID, Main) and status codes (1 = archived), within one license", async () => {
    const rows = await results(`/api/v1/${main}/hrm/Divisions`);
    expect(rows[0]).toHaveProperty("HID");
    expect(rows[0]).not.toHaveProperty("Hid");
    expect(rows[0]).toHaveProperty("Main");
    const archived = t.sim.data.divisions.find((d) => d.status === 2)!;
    expect(rows.find((r) => r.Code === archived.code)!.Status).toBe(1);
    const mainLicense = t.sim.data.divisions[0].license;
    const expected = defaultGrant(t.sim.data, t.sim.data.primaryUserId).filter(
      (code) => t.sim.data.divisions.find((d) => d.code === code)!.license === mainLicense,
    );
    expect(rows.map((r) => r.Code)).toEqual(expected);
    expect(expected.length).toBeLessThan(defaultGrant(t.sim.data, t.sim.data.primaryUserId).length);
  });

  it("system/AllDivisions lists the license of the URL division", async () => {
    const clientDivision = t.sim.data.divisions.find((d) => d.license !== t.sim.data.divisions[0].license)!;
    const rows = await results(`/api/v1/${clientDivision.code}/system/AllDivisions?$select=Code,Customer`);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.Customer === clientDivision.license)).toBe(true);
  });

  it("XMLDivisions.aspx answers XML with Code, HID, Current and Description", async () => {
    const response = await api(t.sim, tokens.access_token, "/docs/XMLDivisions.aspx", "application/xml");
    expect(response.headers.get("content-type")).toContain("application/xml");
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(
      await response.text(),
    );
    const items = parsed.Administrations.Administration as Array<{
      Code: string;
      HID: string;
      Current?: string;
      Description: string;
    }>;
    const first = t.sim.data.divisions[0];
    expect(items.map((i) => Number(i.Code))).toEqual(defaultGrant(t.sim.data, t.sim.data.primaryUserId));
    expect(items.find((i) => Number(i.Code) === first.code)).toMatchObject({
      HID: String(first.hid),
      Current: "True",
    });
    expect(items.filter((i) => i.Current === "True")).toHaveLength(1);
    const quoted = t.sim.data.divisions.find((d) => d.description.includes('"'))!;
    expect(items.find((i) => Number(i.Code) === quoted.code)!.Description).toBe(quoted.description);
    expect((await fetch(`${t.sim.url}/docs/XMLDivisions.aspx`)).status).toBe(401);
  });
});

describe("users and roles", () => {
  it("system/Users has no division; with one it answers 501", async () => {
    const rows = await results("/api/v1/system/Users?$select=UserID,UserDivisionList");
    expect(rows).toHaveLength(t.sim.data.users.length);
    expect((await api(t.sim, tokens.access_token, `/api/v1/${main}/system/Users`)).status).toBe(501);
  });

  it("users/Users lists users of the division with deferred role links", async () => {
    const rows = await results(`/api/v1/${main}/users/Users`);
    const expected = t.sim.data.users
      .filter((u) => u.divisions.includes(main))
      .map((u) => u.userId)
      .sort();
    expect(rows.map((r) => r.UserID)).toEqual(expected);
    expect(rows[0].UserRoles).toEqual({ __deferred: { uri: expect.stringContaining("/UserRoles") } });
  });

  it("users/UserRoles has Description (caller's language) and no Division; role 274 holders are computable", async () => {
    const rows = await results(`/api/v1/${main}/users/UserRoles?$filter=Role eq 274`);
    expect(rows[0]).not.toHaveProperty("Division");
    expect(rows[0].Description).toBe(roleDescription(274, "NL"));
    expect(rows[0].Description).toBe("Abonnement beheren");
    const now = t.clock.now();
    const time = (value: unknown) => (value === null ? null : Number(/\d+/.exec(String(value))![0]));
    // Held now: started (a grant may start later) and not ended.
    const current = rows.filter(
      (r) => (time(r.StartDate) ?? 0) <= now && (r.EndDate === null || time(r.EndDate)! > now),
    );
    expect(current.map((r) => r.UserID).sort()).toEqual(
      activeRoleHolders(t.sim.data, ROLE_MANAGE_SUBSCRIPTION, now).sort(),
    );
    expect(current).toHaveLength(2);
    expect(rows).toHaveLength(4); // and one ended in 2024, one starting in two weeks
  });

  it("users/UserRolesPerDivision adds Division and covers the URL division only", async () => {
    const second = t.sim.data.divisions[1].code;
    const rows = await results(
      `/api/v1/${second}/users/UserRolesPerDivision?$select=ID,Division,Role,RoleLevel`,
    );
    expect(rows.length).toBe(t.sim.data.roles.filter((r) => r.division === second).length);
    expect(rows.every((r) => r.Division === second)).toBe(true);
  });
});

describe("errors", () => {
  it("403 NoDivisionAccess for a division not granted; 403 DivisionBlocked for a blocked one", async () => {
    const response = await api(
      t.sim,
      tokens.access_token,
      `/api/v1/${t.sim.data.notGrantedDivision}/users/Users`,
    );
    expect(response.status).toBe(403);
    expect(response.headers.get("reason")).toBe("NoDivisionAccess");
    expect(await response.json()).toEqual({ error: { code: "", message: { lang: "", value: "Forbidden" } } });
    const blocked = t.sim.data.divisions.find((d) => d.blockingStatus !== 0)!;
    const blockedResponse = await api(t.sim, tokens.access_token, `/api/v1/${blocked.code}/users/Users`);
    expect(blockedResponse.status).toBe(403);
    expect(blockedResponse.headers.get("reason")).toBe("DivisionBlocked");
  });

  it("does not check the division in system/Divisions URLs (configurable)", async () => {
    expect((await api(t.sim, tokens.access_token, "/api/v1/123456/system/Divisions")).status).toBe(200);
    const strict = await startTestSimulator({ strictDivisionsUrl: true });
    try {
      const other = await signIn(strict.sim);
      expect((await api(strict.sim, other.access_token, "/api/v1/123456/system/Divisions")).status).toBe(403);
    } finally {
      await strict.sim.close();
    }
  });

  it("401 without, with an unknown, or with a malformed token", async () => {
    expect(
      (await fetch(`${t.sim.url}/api/v1/current/Me`, { headers: { Accept: "application/json" } })).status,
    ).toBe(401);
    expect((await api(t.sim, "nonsense", "/api/v1/current/Me")).status).toBe(401);
    const raw = await fetch(`${t.sim.url}/api/v1/current/Me`, {
      headers: { Authorization: "Basic abc", Accept: "application/json" },
    });
    expect(raw.status).toBe(401);
  });

  it("404 with the error envelope for unknown or wrongly-cased paths", async () => {
    const response = await api(t.sim, tokens.access_token, `/api/v1/${main}/system/divisions`);
    expect(response.status).toBe(404);
    expect(await errorText(response)).toContain("system/divisions");
  });
});

describe("formats and headers", () => {
  it("answers Atom XML without Accept: application/json", async () => {
    const response = await api(
      t.sim,
      tokens.access_token,
      `/api/v1/${main}/system/Divisions?$select=Code`,
      "*/*",
    );
    expect(response.headers.get("content-type")).toContain("application/atom+xml");
    const feed = new XMLParser().parse(await response.text());
    expect(feed.feed.entry.length).toBe(defaultGrant(t.sim.data, t.sim.data.primaryUserId).length);
  });

  it("sends no CORS headers, not even to a preflight", async () => {
    const get = await fetch(`${t.sim.url}/api/v1/current/Me`, {
      headers: {
        Authorization: `Bearer ${tokens.access_token}`,
        Accept: "application/json",
        Origin: "https://excel.test",
      },
    });
    const preflight = await fetch(`${t.sim.url}/api/v1/current/Me`, {
      method: "OPTIONS",
      headers: {
        Origin: "https://excel.test",
        "Access-Control-Request-Method": "GET",
        "Access-Control-Request-Headers": "authorization",
      },
    });
    const token = await fetch(`${t.sim.url}/api/oauth2/token`, {
      method: "POST",
      headers: { Origin: "https://excel.test" },
    });
    for (const response of [get, preflight, token]) {
      expect([...response.headers.keys()].filter((name) => name.startsWith("access-control"))).toEqual([]);
    }
  });

  it("logs calls per endpoint and division", async () => {
    t.sim.log.reset();
    await results(`/api/v1/${main}/system/Divisions?$top=1`);
    await results(`/api/v1/${main}/users/Users?$top=1`);
    await results("/api/v1/current/Me");
    expect(t.sim.log.perEndpoint()).toEqual({ "system/Divisions": 1, "users/Users": 1, "current/Me": 1 });
    expect(t.sim.log.perDivision()).toEqual({ [String(main)]: 2, none: 1 });
    expect(t.sim.log.count({ endpoint: "users/Users", division: main, status: 200 })).toBe(1);
  });
});
