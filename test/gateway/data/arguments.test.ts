import {
  parseDivisions,
  parseRoles,
  parseBoolean,
  parseScope,
  eitherValue,
  wantsFresh,
} from "../../../src/gateway/data/arguments";
import { validateQueryOptions } from "../../../src/gateway/data/queryValidation";
import { activeOn, cellValue } from "../../../src/gateway/data/tables";
import { roleHolderRows } from "../../../src/gateway/data/roleJoins";

describe("division arguments", () => {
  it("accepts nothing (current), one code, a list (deduplicated) and all", () => {
    expect(parseDivisions(undefined, "divisions")).toEqual({ kind: "current" });
    expect(parseDivisions("  ", "divisions")).toEqual({ kind: "current" });
    expect(parseDivisions("123", "divisions")).toEqual({ kind: "explicit", divisions: [123] });
    expect(parseDivisions("1, 2,1", "divisions")).toEqual({ kind: "explicit", divisions: [1, 2] });
    expect(parseDivisions("ALL", "divisions")).toEqual({ kind: "all" });
  });

  it.each(["abc", "1;2", "1,,2", "-5", "0", "1.5", "99999999999", "1 2", "all,1"])(
    "refuses %p naming the parameter",
    (raw) => {
      expect(() => parseDivisions(raw, "divisions")).toThrow(/Parameter "divisions" accepts a division code/);
    },
  );

  it("refuses more than 1,000 codes", () => {
    const list = Array.from({ length: 1001 }, (_, i) => i + 1).join(",");
    expect(() => parseDivisions(list, "divisions")).toThrow(/up to 1000/);
  });
});

describe("other arguments", () => {
  it("parses roles, booleans, scope and Cache-Control", () => {
    expect(parseRoles("274, 11,274", "roles", true)).toEqual([274, 11]);
    expect(parseRoles(undefined, "role", false)).toBeNull();
    expect(() => parseRoles(undefined, "roles", true)).toThrow(/"roles" is required/);
    expect(() => parseRoles("x", "roles", true)).toThrow(/role numbers/);
    expect(parseBoolean("TRUE", "activeOnly", false)).toBe(true);
    expect(() => parseBoolean("maybe", "activeOnly", false)).toThrow(/true or false/);
    expect(parseScope(undefined)).toBe("accessible");
    expect(parseScope("license")).toBe("license");
    expect(() => parseScope("everything")).toThrow(/"scope"/);
    expect(wantsFresh("no-cache")).toBe(true);
    expect(wantsFresh("max-age=0, no-cache")).toBe(true);
    expect(wantsFresh("no-cache-please")).toBe(false);
    expect(wantsFresh(undefined)).toBe(false);
  });

  it("refuses both names of one parameter at once", () => {
    expect(eitherValue({ division: "1" }, "division", "divisions")).toBe("1");
    expect(() => eitherValue({ division: "1", divisions: "2" }, "division", "divisions")).toThrow(
      /"division" and "divisions" mean the same/,
    );
  });

  // Repeated and unknown parameters are refused by the routes' schemas now: the same assertions
  // ("may be given only once", 'Unknown parameter "$filter"') run over HTTP in queryRejections.test.ts.
});

describe("query route validation", () => {
  const ok = { resource: "crm/Accounts", select: "ID, Name" };

  it("accepts well-formed options", () => {
    expect(
      validateQueryOptions({
        ...ok,
        filter: "Name eq 'O''Brien & Zn' and Status eq 1",
        orderby: "Name desc, Code",
        top: "10",
      }),
    ).toEqual({
      resource: "crm/Accounts",
      select: ["ID", "Name"],
      filter: "Name eq 'O''Brien & Zn' and Status eq 1",
      orderby: "Name desc,Code",
      top: 10,
    });
    expect(
      validateQueryOptions({ resource: "users/UserRolesPerDivision", select: "Role" }).filter,
    ).toBeNull();
  });

  it.each([
    ["resource", { resource: "https://evil.example/api" }, /not a URL/],
    ["resource", { resource: "//evil.example/x" }, /not a URL/],
    ["resource", { resource: "crm/../system/Users" }, /'\.\.'/],
    ["resource", { resource: "crm/%2e%2e/Accounts" }, /'%'/],
    ["resource", { resource: "crm\\Accounts" }, /backslash/],
    ["resource", { resource: "crm/Accounts?$top=1" }, /query options/],
    ["resource", { resource: "crm/Accounts(guid'1')" }, /accepts an Exact resource path/],
    ["resource", { resource: "Crm/Accounts" }, /accepts an Exact resource path/],
    ["resource", { resource: "crm" }, /accepts an Exact resource path/],
    ["resource", { resource: `crm/${"A".repeat(200)}` }, /too long/],
    ["select", { select: "*" }, /not \*/],
    ["select", { select: "Name&$expand=X" }, /field names/],
    ["filter", { filter: "Name eq 'x" }, /unbalanced quote/],
    ["filter", { filter: "Code eq 1&$top=5" }, /no &/],
    ["filter", { filter: "Code eq 1\n" }, /control characters/],
    ["filter", { filter: "(Code eq 1" }, /parentheses/],
    ["filter", { filter: "x".repeat(1001) }, /too long/],
    ["orderby", { orderby: "Name; drop" }, /field names/],
    ["top", { top: "0" }, /whole number/],
    ["top", { top: "1e3" }, /whole number/],
  ])("refuses a bad %s (%#)", (parameter, override, message) => {
    expect(() => validateQueryOptions({ ...ok, ...override })).toThrow(message);
    expect(() => validateQueryOptions({ ...ok, ...override })).toThrow(`"${parameter}"`);
  });
});

describe("table helpers", () => {
  it("decides whether a role is held today", () => {
    const now = Date.UTC(2026, 10, 23, 9);
    expect(activeOn({ StartDate: "2020-01-01T00:00:00.000Z", EndDate: null }, now)).toBe(true);
    expect(activeOn({ StartDate: null, EndDate: "2026-11-23T00:00:00.000Z" }, now)).toBe(true);
    expect(activeOn({ StartDate: null, EndDate: "2026-11-22T00:00:00.000Z" }, now)).toBe(false);
    expect(activeOn({ StartDate: "2027-01-01T00:00:00.000Z", EndDate: null }, now)).toBe(false);
  });

  it("shapes cells: numbers, booleans, nulls", () => {
    expect(cellValue(undefined, "string")).toBeNull();
    expect(cellValue("12", "number")).toBe(12);
    expect(cellValue(true, "boolean")).toBe(true);
    expect(cellValue({ a: 1 }, "string")).toBe('{"a":1}');
  });

  it("folds role rows into distinct holders with their divisions", () => {
    const user = { UserID: "u1", FullName: "Anna" };
    const rows = [
      { division: 2, role: { UserID: "u1", Role: 274 }, user, activeToday: true },
      { division: 1, role: { UserID: "u1", Role: 274 }, user, activeToday: true },
      { division: 1, role: { UserID: "u2", Role: 274 }, user: undefined, activeToday: true },
    ];
    expect(roleHolderRows(rows)).toEqual([
      { userId: "u1", user, roles: [274], divisions: [1, 2] },
      { userId: "u2", user: undefined, roles: [274], divisions: [1] },
    ]);
  });
});
