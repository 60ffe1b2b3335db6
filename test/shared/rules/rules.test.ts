/**
 * The rules shared by add-in and gateway (src/shared/rules): each on its own, and both sides giving the
 * same verdict on the same input, so a cell never accepts what its route then refuses (or the reverse).
 */
import { ArgumentError } from "../../../src/addin/functions/argumentError";
import * as cell from "../../../src/addin/functions/arguments";
import { parseRoles as parsePaneRoles } from "../../../src/addin/taskpane/roles";
import * as route from "../../../src/gateway/data/arguments";
import { validateOrderby, validateResource, validateSelect } from "../../../src/gateway/data/queryValidation";
import { clip, MAX_MESSAGE_LENGTH } from "../../../src/shared/rules/clip";
import { MAX_DIVISIONS_IN_LIST, QUERY_LIMITS } from "../../../src/shared/rules/queryLimits";
import { orderTerms, RESOURCE_PATTERN, selectFields } from "../../../src/shared/rules/resourcePattern";
import { MAX_ROLES, parseRoles } from "../../../src/shared/rules/roleList";

const range = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);

/** Whether a parser accepts: true, or false when it throws the side's own argument error. */
function accepts(parse: () => unknown): boolean {
  try {
    parse();
    return true;
  } catch (error) {
    expect(error instanceof ArgumentError || (error as { code?: string }).code === "invalid_request").toBe(
      true,
    );
    return false;
  }
}

describe("clip", () => {
  it("keeps a short message on one line", () => {
    expect(clip("No access\n  to division   7.")).toBe("No access to division 7.");
  });

  it("cuts at 255 characters with an ellipsis, or at a given length", () => {
    const long = clip("x".repeat(300));
    expect(long).toHaveLength(MAX_MESSAGE_LENGTH);
    expect(long.endsWith("x…")).toBe(true);
    expect(clip("x".repeat(MAX_MESSAGE_LENGTH))).toBe("x".repeat(MAX_MESSAGE_LENGTH));
    expect(clip("abcdefgh", 5)).toBe("abcd…");
  });
});

describe("role lists", () => {
  it("reads numbers separated by commas, semicolons or spaces, without duplicates, in order", () => {
    expect(parseRoles("274, 11;274 10")).toEqual({ ok: true, roles: [274, 11, 10] });
    expect(parseRoles("  ")).toEqual({ ok: true, roles: [] });
  });

  it("refuses anything that is not a role number", () => {
    for (const text of ["x", "0", "1.5", "-3", "274,x", "1234567890"]) {
      expect(parseRoles(text)).toEqual({ ok: false, reason: "not_a_role" });
    }
  });

  it(`allows at most ${MAX_ROLES} distinct roles (repeats do not count)`, () => {
    expect(parseRoles(range(1, MAX_ROLES).join(","))).toEqual({ ok: true, roles: range(1, MAX_ROLES) });
    expect(parseRoles([...range(1, MAX_ROLES), 1, 2].join(","))).toMatchObject({ ok: true });
    expect(parseRoles(range(1, MAX_ROLES + 1).join(","))).toEqual({ ok: false, reason: "too_many" });
  });

  it("cell, task pane and gateway route agree on every list", () => {
    const lists = [
      "274",
      "274, 11",
      "274;11",
      "274 11",
      "0",
      "x",
      range(1, 50).join(","),
      range(1, 51).join(","),
    ];
    for (const text of lists) {
      const verdict = parseRoles(text).ok;
      expect([text, accepts(() => cell.parseRoles([[text]]))]).toEqual([text, verdict]);
      expect([text, accepts(() => cell.parseRoleFilter([[text]]))]).toEqual([text, verdict]);
      expect([text, parsePaneRoles(text) !== null]).toEqual([text, verdict]);
      expect([text, accepts(() => route.parseRoles(text, "roles", true))]).toEqual([text, verdict]);
    }
  });

  it("says in the cell how many roles are allowed", () => {
    expect(() => cell.parseRoles([range(1, 51)])).toThrow(`at most ${MAX_ROLES} role numbers`);
    expect(() => route.parseRoles(range(1, 51).join(","), "roles", true)).toThrow(`(at most ${MAX_ROLES})`);
  });
});

describe("query shapes and limits", () => {
  it("resource: an area and one or two names", () => {
    expect(RESOURCE_PATTERN.test("crm/Accounts")).toBe(true);
    expect(RESOURCE_PATTERN.test("read/crm/Accounts")).toBe(true);
    expect(RESOURCE_PATTERN.test("CRM/Accounts")).toBe(false);
    expect(RESOURCE_PATTERN.test("crm/../Users")).toBe(false);
  });

  it("select fields and order terms are trimmed; a bad term refuses the whole orderby", () => {
    expect(selectFields(" Code, Name ")).toEqual(["Code", "Name"]);
    expect(orderTerms("Name  desc , Code")).toEqual(["Name desc", "Code"]);
    expect(orderTerms("Name; drop")).toBeNull();
    expect(orderTerms("Name DESC")).toBeNull();
  });

  it("cell and gateway route agree on resources, selects and orderbys, at the limits too", () => {
    const longField = `F${"x".repeat(99)}`;
    const cases: [string, (text: string) => unknown, (text: string) => unknown, string[]][] = [
      [
        "resource",
        (text) => cell.parseResource(text),
        validateResource,
        [
          "crm/Accounts",
          "CRM/Accounts",
          "crm/Accounts?$top=1",
          `crm/${"A".repeat(QUERY_LIMITS.resource - 4)}`,
          `crm/${"A".repeat(QUERY_LIMITS.resource - 3)}`,
        ],
      ],
      [
        "select",
        (text) => cell.parseSelect(text),
        validateSelect,
        [
          "Code,Name",
          "Account/Name",
          longField,
          `${longField}x`,
          range(1, QUERY_LIMITS.selectFields)
            .map((i) => `F${i}`)
            .join(","),
          range(1, QUERY_LIMITS.selectFields + 1)
            .map((i) => `F${i}`)
            .join(","),
        ],
      ],
      [
        "orderby",
        (text) => cell.parseOrderBy(text),
        validateOrderby,
        ["Name desc", "Name  desc, Code", "Name DESC", "Name; drop", `${"N".repeat(QUERY_LIMITS.orderby)}`],
      ],
    ];
    for (const [name, fromCell, fromRoute, inputs] of cases) {
      for (const input of inputs) {
        expect([name, input, accepts(() => fromCell(input))]).toEqual([
          name,
          input,
          accepts(() => fromRoute(input)),
        ]);
      }
    }
  });

  it(`division lists: up to ${MAX_DIVISIONS_IN_LIST} codes on both sides`, () => {
    for (const count of [MAX_DIVISIONS_IN_LIST, MAX_DIVISIONS_IN_LIST + 1]) {
      const text = range(1, count).join(",");
      expect(accepts(() => cell.parseDivisions(text))).toBe(count <= MAX_DIVISIONS_IN_LIST);
      expect(accepts(() => route.parseDivisions(text, "divisions"))).toBe(count <= MAX_DIVISIONS_IN_LIST);
    }
  });
});
