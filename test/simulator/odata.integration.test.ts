/** OData query options over real HTTP: $select/$filter/$orderby/$top/$skip/$inlinecount, /$count, paging, errors. */
import { SELECT_REQUIRED_TEXT, SYNTAX_ERROR, defaultGrant } from "../../src/simulator";
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
let granted: number[];
beforeAll(async () => {
  t = await startTestSimulator({ minuteLimit: 10_000, selectRequired: ["users/UserRolesPerDivision"] });
  tokens = await signIn(t.sim);
  main = t.sim.data.divisions[0].code;
  granted = defaultGrant(t.sim.data, t.sim.data.primaryUserId);
});
afterAll(() => t.sim.close());

const divisionsPath = () => `/api/v1/${main}/system/Divisions`;

async function get(query: string, path = divisionsPath()): Promise<ODataPage> {
  const response = await api(t.sim, tokens.access_token, `${path}?${query}`);
  if (response.status !== 200) throw new Error(`${response.status}: ${await response.text()}`);
  return (await response.json()) as ODataPage;
}

async function codes(filter: string): Promise<number[]> {
  const page = await get(`$select=Code&$filter=${encodeURIComponent(filter)}`);
  return page.d.results.map((r) => r.Code as number);
}

async function status400(query: string, path = divisionsPath()): Promise<string> {
  const response = await api(t.sim, tokens.access_token, `${path}?${query}`);
  expect(response.status).toBe(400);
  return errorText(response);
}

const divisionsOf = (codesList: number[]) => t.sim.data.divisions.filter((d) => codesList.includes(d.code));

describe("$filter", () => {
  it("compares numbers, strings, booleans, datetimes and null", async () => {
    const all = divisionsOf(granted);
    expect(await codes(`Code eq ${main}`)).toEqual([main]);
    expect(await codes(`Code ne ${main}`)).toEqual(granted.filter((c) => c !== main));
    expect(await codes(`Code gt ${granted[3]} and Code le ${granted[5]}`)).toEqual(granted.slice(4, 6));
    expect(await codes(`Code lt ${granted[1]} or Code ge ${granted[granted.length - 1]}`)).toEqual([
      granted[0],
      granted[granted.length - 1],
    ]);
    expect(await codes("Status eq 2")).toEqual(all.filter((d) => d.status === 2).map((d) => d.code));
    expect(await codes("IsMainDivision eq true")).toEqual([main]);
    expect(await codes("ArchiveDate ne null")).toEqual(
      all.filter((d) => d.archiveDate !== null).map((d) => d.code),
    );
    expect(await codes("StartDate eq null")).toEqual(
      all.filter((d) => d.startDate === null).map((d) => d.code),
    );
    const cut = Date.UTC(2018, 0, 1);
    expect(await codes("Created ge datetime'2018-01-01T00:00:00'")).toEqual(
      all.filter((d) => d.created >= cut).map((d) => d.code),
    );
    const quoted = all.find((d) => d.description.includes("'"))!;
    const literal = quoted.description.replace(/'/g, "''");
    expect(await codes(`Description eq '${literal}'`)).toEqual([quoted.code]);
  });

  it("supports not, parentheses, substringof, startswith and guid literals", async () => {
    const all = divisionsOf(granted);
    const bv = all.filter((d) => d.description.toLowerCase().includes("b.v.")).map((d) => d.code);
    expect(await codes("substringof('b.v.', Description)")).toEqual(bv);
    expect(await codes("not substringof('B.V.', Description)")).toEqual(
      granted.filter((c) => !bv.includes(c)),
    );
    expect(await codes("startswith(Description, '=')")).toEqual(
      all.filter((d) => d.description.startsWith("=")).map((d) => d.code),
    );
    expect(await codes(`(Status eq 2 or IsMainDivision eq true) and not (Code eq ${main})`)).toEqual(
      all.filter((d) => d.status === 2).map((d) => d.code),
    );
    const license = t.sim.data.divisions[0].license;
    expect(await codes(`Customer eq guid'${license.toUpperCase()}'`)).toEqual(
      all.filter((d) => d.license === license).map((d) => d.code),
    );
  });

  it("rejects bad syntax with Exact's texts", async () => {
    for (const filter of [
      "Code eq",
      "Code eq 1)",
      "(Code eq 1",
      "Code eq 'open",
      "Code === 1",
      "Code eq 1 and",
      "Code",
    ]) {
      expect(await status400(`$filter=${encodeURIComponent(filter)}`)).toBe(SYNTAX_ERROR);
    }
    expect(await status400(`$filter=${encodeURIComponent("Customer eq guid'6'")}`)).toBe(
      "Unrecognized 'Edm.Guid' literal 'guid'6'' in '12'.",
    );
    expect(await status400(`$filter=${encodeURIComponent("Nope eq 1")}`)).toBe(
      "No property 'Nope' exists in type 'Exact.Web.Api.Models.System.Division' at position 0.",
    );
    expect(await status400(`$filter=${encodeURIComponent("Code eq 'x'")}`)).toMatch(
      /^Operator 'eq' incompatible with operand types 'System.Int32' and 'System.String'/,
    );
  });
});

describe("$select, $orderby, $top, $skip, $inlinecount, /$count", () => {
  it("$select returns only the chosen fields plus __metadata; unknown field → documented 400", async () => {
    const page = await get("$select=Code,Description");
    expect(Object.keys(page.d.results[0])).toEqual(["__metadata", "Code", "Description"]);
    expect(await status400("$select=Code,Bogus")).toBe(
      "Type 'Exact.Web.Api.Models.System.Division' does not have a property named 'Bogus'",
    );
    expect(await status400("$select=Code,,Description")).toBe(SYNTAX_ERROR);
  });

  it("$orderby, $top, $skip and $inlinecount=allpages", async () => {
    const sorted = divisionsOf(granted)
      .slice()
      .sort((a, b) => b.hid - a.hid || a.code - b.code)
      .map((d) => d.code);
    const page = await get("$select=Code&$orderby=Hid desc&$top=3&$skip=2&$inlinecount=allpages");
    expect(page.d.results.map((r) => r.Code)).toEqual(sorted.slice(2, 5));
    expect(page.d.__count).toBe(String(granted.length));
    expect(page.d.__next).toBeUndefined();
    expect(await status400("$top=-1")).toBe(SYNTAX_ERROR);
    expect(await status400("$skip=abc")).toBe(SYNTAX_ERROR);
    expect(await status400("$orderby=Code sideways")).toBe(SYNTAX_ERROR);
    expect(await status400("$inlinecount=some")).toBe(SYNTAX_ERROR);
    expect(await status400("$bogus=1")).toBe(
      "The query parameter '$bogus' begins with a system-reserved '$' character but is not recognized.",
    );
  });

  it("/$count answers plain text, with $filter applied", async () => {
    const response = await api(
      t.sim,
      tokens.access_token,
      `${divisionsPath()}/$count?$filter=Status eq 1`,
      "*/*",
    );
    expect(response.headers.get("content-type")).toContain("text/plain");
    const expected = divisionsOf(granted).filter((d) => d.status === 1).length;
    expect(await response.text()).toBe(String(expected));
  });

  it("applies the $select-or-$top=1 rule to configured endpoints", async () => {
    const path = `/api/v1/${main}/users/UserRolesPerDivision`;
    expect(await status400("", path)).toBe(SELECT_REQUIRED_TEXT);
    expect((await get("$top=1", path)).d.results).toHaveLength(1);
    expect((await get("$select=ID", path)).d.results.length).toBeGreaterThan(0);
  });
});

describe("paging", () => {
  it("pages 60 rows with an absolute __next carrying the options and $skiptoken=guid'…'", async () => {
    const path = `/api/v1/${main}/users/UserRoles`;
    const expected = t.sim.data.roles.length; // the demo's roles all belong to one license
    const query = "$select=ID,Role&$filter=RoleLevel ge 2&$inlinecount=allpages";
    let page = await get(query, path);
    const seen: string[] = [];
    let pages = 0;
    for (;;) {
      pages++;
      expect(page.d.results.length).toBeLessThanOrEqual(60);
      seen.push(...page.d.results.map((r) => r.ID as string));
      if (!page.d.__next) break;
      expect(page.d.results).toHaveLength(60);
      const next = new URL(page.d.__next);
      expect(next.origin).toBe(t.sim.url);
      expect(page.d.__next).toMatch(/\$skiptoken=guid'[0-9a-f-]{36}'$/);
      expect(next.searchParams.get("$select")).toBe("ID,Role");
      expect(next.searchParams.get("$filter")).toBe("RoleLevel ge 2");
      const response = await api(t.sim, tokens.access_token, page.d.__next);
      page = (await response.json()) as ODataPage;
    }
    const inDemoLicense = t.sim.data.roles.filter(
      (r) =>
        t.sim.data.divisions.find((d) => d.code === r.division)!.license === t.sim.data.divisions[0].license,
    );
    expect(seen).toHaveLength(inDemoLicense.length);
    expect(new Set(seen).size).toBe(seen.length);
    expect(pages).toBe(Math.ceil(inDemoLicense.length / 60));
    expect(expected).toBeGreaterThanOrEqual(inDemoLicense.length);
  });

  it("pages an $orderby with $top and $skip consistently across pages", async () => {
    const path = `/api/v1/${main}/users/UserRoles`;
    const first = await get("$select=ID,Role&$orderby=Role desc,UserID&$top=100&$skip=5", path);
    expect(first.d.results).toHaveLength(60);
    const next = await api(t.sim, tokens.access_token, first.d.__next!);
    const second = (await next.json()) as ODataPage;
    expect(second.d.results).toHaveLength(40);
    expect(second.d.__next).toBeUndefined();
    const all = [...first.d.results, ...second.d.results];
    expect(new Set(all.map((r) => r.ID)).size).toBe(100);
    const roles = all.map((r) => r.Role as number);
    expect(roles).toEqual([...roles].sort((a, b) => b - a));
    const unpaged = await get("$select=ID&$orderby=Role desc,UserID&$top=200", path);
    const expected = [...unpaged.d.results];
    let link = unpaged.d.__next;
    while (link) {
      const page = (await (await api(t.sim, tokens.access_token, link)).json()) as ODataPage;
      expected.push(...page.d.results);
      link = page.d.__next;
    }
    expect(all.map((r) => r.ID)).toEqual(expected.slice(5, 105).map((r) => r.ID));
  });
});
