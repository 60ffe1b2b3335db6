/**
 * Bad arguments: each gives #VALUE! naming the argument and what it accepts, and nothing is sent to
 * the gateway (checked on a real loopback server's request log).
 */
import * as EOL from "../../../src/addin/functions/functions";

/** Excel passes an omitted optional range argument as null. */
const NO_RANGE = null as unknown as unknown[][];
import {
  parseDivisions,
  parseHeaders,
  parseRoles,
  parseSelect,
} from "../../../src/addin/functions/arguments";
import { STUB_TOKEN, startStubGateway, type StubGateway } from "../../support/addin/stubGateway";
import { cellError, connectTo } from "../../support/addin/setup";

let stub: StubGateway;
beforeAll(async () => {
  stub = await startStubGateway();
  await connectTo(stub.baseUrl, STUB_TOKEN);
});
afterAll(() => stub.close());

const HEADERS = "headers: TRUE or FALSE, or empty for the default";
const DIVISION = "division: a division code (a whole number), or empty for your current division";
const DIVISIONS =
  'divisions: a division code, a range or comma list of up to 1000 codes, "all", "current", or empty for your current division';
const HOLDER_DIVISIONS =
  'divisions: a division code, a range or comma list of up to 1000 codes, "all", "current", or empty for all your divisions';
const ROLE = "role: a role number such as 274, or a range or comma list of role numbers (required)";
const RESOURCE =
  'resource: an Exact resource such as "crm/Accounts" or "salesinvoice/SalesInvoices" (required)';
const SELECT =
  'select: the field names to read, separated by commas ("Code,Name") or in a range, at most 100 (required)';
const FILTER = "filter: an OData filter such as \"Status eq 'C'\" of at most 1000 characters, or empty";
const ORDERBY =
  'orderby: field names with optional asc/desc separated by commas, such as "Name desc", or empty';
const TOP = "top: a whole number from 1 to 100000, or empty for all rows";

const q = (
  over: Partial<
    Record<"resource" | "select" | "filter" | "division" | "orderby" | "top" | "headers", unknown>
  >,
) =>
  EOL.query(
    "resource" in over ? over.resource : "crm/Accounts",
    ("select" in over ? over.select : [["Code"]]) as unknown[][],
    over.filter ?? null,
    over.division ?? null,
    over.orderby ?? null,
    over.top ?? null,
    over.headers ?? null,
  );

const cases: [string, () => Promise<unknown>, string][] = [
  ["DIVISIONS headers as text", () => EOL.divisions("yes", null), HEADERS],
  ["DIVISIONS headers 2", () => EOL.divisions(2, null), HEADERS],
  [
    "DIVISIONS unknown scope",
    () => EOL.divisions(true, "mine"),
    'scope: "accessible" (default) or "license"',
  ],
  ["DIVISIONS scope as number", () => EOL.divisions(true, 1), 'scope: "accessible" (default) or "license"'],
  ["USERS division as name", () => EOL.users("Acme", null), DIVISION],
  ["USERS negative division", () => EOL.users(-5, null), DIVISION],
  ["USERS fractional division", () => EOL.users(101.5, null), DIVISION],
  ["USERS division TRUE", () => EOL.users(true, null), DIVISION],
  [
    "USERROLES division list with a word",
    () => EOL.userRoles([["101, abc"]], NO_RANGE, null, null),
    DIVISIONS,
  ],
  ["USERROLES range with a boolean", () => EOL.userRoles([[101], [true]], NO_RANGE, null, null), DIVISIONS],
  [
    "USERROLES more than 1000 codes",
    () => EOL.userRoles([Array.from({ length: 1001 }, (_, i) => i + 1)], NO_RANGE, null, null),
    DIVISIONS,
  ],
  [
    "USERROLES role as text",
    () => EOL.userRoles(NO_RANGE, [["admin"]], null, null),
    "role: a role number such as 274, a range or comma list of role numbers, or empty for all roles",
  ],
  [
    "USERROLES activeOnly as text",
    () => EOL.userRoles(NO_RANGE, NO_RANGE, "active", null),
    "activeOnly: TRUE or FALSE, or empty for the default",
  ],
  ["USERROLES headers as date-like number", () => EOL.userRoles([[101]], NO_RANGE, null, 45000), HEADERS],
  ["ROLEHOLDERS without a role", () => EOL.roleHolders([[null]], NO_RANGE, null), ROLE],
  ["ROLEHOLDERS role 0", () => EOL.roleHolders([[0]], NO_RANGE, null), ROLE],
  ["ROLEHOLDERS role list with a word", () => EOL.roleHolders([["274,x"]], NO_RANGE, null), ROLE],
  ["ROLEHOLDERS bad divisions", () => EOL.roleHolders([[274]], [["every"]], null), HOLDER_DIVISIONS],
  ["WHOAMI headers as text", () => EOL.whoAmI("no"), HEADERS],
  ["QUERY without resource", () => q({ resource: null }), RESOURCE],
  ["QUERY resource with a host", () => q({ resource: "https://evil.example/crm/Accounts" }), RESOURCE],
  ["QUERY resource with ..", () => q({ resource: "crm/../system/Users" }), RESOURCE],
  ["QUERY resource with query options", () => q({ resource: "crm/Accounts?$top=1" }), RESOURCE],
  ["QUERY select with a function call", () => q({ select: [["Name,substringof('a',Name)"]] }), SELECT],
  ["QUERY select with a number cell", () => q({ select: [["Name", 5]] }), SELECT],
  ["QUERY without select", () => q({ select: null }), SELECT],
  ["QUERY select with navigation", () => q({ select: [["Account/Name"]] }), SELECT],
  ["QUERY resource with an upper-case area", () => q({ resource: "CRM/Accounts" }), RESOURCE],
  ["QUERY filter smuggling another option", () => q({ filter: "Name eq 'a'&$top=1" }), FILTER],
  ["QUERY filter with a line break", () => q({ filter: "Name eq 'a'\nor Code eq '1'" }), FILTER],
  ["QUERY filter too long", () => q({ filter: "Name eq '" + "a".repeat(1000) + "'" }), FILTER],
  ["QUERY orderby with an injection", () => q({ orderby: "Name; drop" }), ORDERBY],
  ["QUERY top negative", () => q({ top: -1 }), TOP],
  ["QUERY top too large", () => q({ top: 100001 }), TOP],
  ["QUERY top as word", () => q({ top: "ten" }), TOP],
  ["QUERY division as text", () => q({ division: "main" }), DIVISION],
];

describe("bad arguments → #VALUE! naming the argument, before any network call", () => {
  test.each(cases)("%s", async (_label, call, message) => {
    const before = stub.requests.length;
    expect(await cellError(call())).toEqual({ code: "#VALUE!", message });
    expect(stub.requests.length).toBe(before);
  });

  test("there are at least 15 cases and every message fits a cell (≤ 255)", () => {
    expect(cases.length).toBeGreaterThanOrEqual(15);
    for (const [, , message] of cases) expect(message.length).toBeLessThanOrEqual(255);
  });

  test("with several bad arguments the first one is named", async () => {
    expect((await cellError(EOL.users("x", "y"))).message).toBe(DIVISION);
  });
});

describe("accepted spellings", () => {
  test("headers: empty means TRUE, and 0 is empty (Windows passes an empty cell as 0); FALSE is the only no", () => {
    expect(
      [null, undefined, "", 0, [[0]], [[null]], true, 1, [[true]], false, [[false]]].map(parseHeaders),
    ).toEqual([true, true, true, true, true, true, true, true, true, false, false]);
  });

  test('divisions: "all" in any case, codes as numbers or texts, ranges, lists; empty → current', () => {
    expect(parseDivisions(" All ")).toBe("all");
    expect(parseDivisions(" Current ")).toBe("current");
    expect(parseDivisions([["current"]], "all")).toBe("current");
    expect(parseDivisions([["all"]])).toBe("all");
    expect(parseDivisions(null)).toBeNull();
    expect(parseDivisions([[null, ""]])).toBeNull();
    expect(
      parseDivisions([
        [101, "102"],
        [" 103 ", null],
      ]),
    ).toEqual([101, 102, 103]);
    expect(parseDivisions("101;102, 101")).toEqual([101, 102]);
  });

  test("roles from a number, a text list or a range; select from a header range", () => {
    expect(parseRoles(274)).toEqual([274]);
    expect(parseRoles([["274, 10"], [11]])).toEqual([274, 10, 11]);
    expect(
      parseSelect([
        ["Code", " Name "],
        [null, ""],
      ]),
    ).toBe("Code,Name");
    expect(parseSelect("Code, Name ,ID")).toBe("Code,Name,ID");
  });
});
