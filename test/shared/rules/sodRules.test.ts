/**
 * Separation rules as users write them: one parser for the function's range, the review sheet's table and
 * the gateway's `rules` parameter — ranges, blanks, comments, a header row, and bad rows named by number.
 */
import { ArgumentError } from "../../../src/addin/functions/argumentError";
import { parseSodRules as parseCell } from "../../../src/addin/functions/arguments";
import { parseRulesParameter } from "../../../src/gateway/data/accessReview/sodConflicts";
import {
  MAX_SOD_RULE_NAME,
  MAX_SOD_RULES,
  parseSodRules,
  parseSodRulesParam,
  ruleLabel,
  sodRulesParam,
} from "../../../src/shared/rules/sodRules";

const ok = (rows: unknown[][]) => {
  const parsed = parseSodRules(rows);
  if (!parsed.ok) throw new Error(`refused: ${parsed.message}`);
  return parsed.rules;
};
const refusal = (rows: unknown[][]) => {
  const parsed = parseSodRules(rows);
  return parsed.ok ? null : parsed.message;
};

describe("parseSodRules", () => {
  test("two or three columns, numbers or numeric texts; the name is optional", () => {
    expect(
      ok([
        [11, 21, "Enter and approve"],
        ["31", " 41 ", ""],
        [12, 51],
      ]),
    ).toEqual([
      { roleA: 11, roleB: 21, name: "Enter and approve" },
      { roleA: 31, roleB: 41, name: null },
      { roleA: 12, roleB: 51, name: null },
    ]);
  });

  test("skips empty rows (null, '' or Windows' 0), '#' comments and a header row", () => {
    expect(
      ok([
        ["Role A", "Role B", "Rule"],
        [null, "", 0],
        ["# 11", "21", "Example: remove the # to use"],
        [11, 21, "Real"],
      ]),
    ).toEqual([{ roleA: 11, roleB: 21, name: "Real" }]);
    expect(ok([])).toEqual([]);
    // A header is only the first row: words further down are a bad rule.
    expect(
      refusal([
        [11, 21],
        ["Role A", "Role B"],
      ]),
    ).toBe('row 2: role A "Role A" is not a role number');
  });

  test("a bad row is refused with its number and what is wrong", () => {
    expect(
      refusal([
        [11, 21],
        [31, null],
      ]),
    ).toBe("row 2: role B is missing");
    expect(refusal([[null, 21]])).toBe("row 1: role A is missing");
    expect(refusal([[11, "x21"]])).toBe('row 1: role B "x21" is not a role number');
    expect(refusal([[11, 2.5]])).toBe('row 1: role B "2.5" is not a role number');
    expect(refusal([[11, -3]])).toBe('row 1: role B "-3" is not a role number');
    expect(refusal([[11, true]])).toBe('row 1: role B "true" is not a role number');
    expect(
      refusal([
        [1, 2],
        [3, 4],
        [21, 21],
      ]),
    ).toBe("row 3: role A and role B are both 21");
    expect(
      refusal([
        [11, 21],
        [21, 11, "again"],
      ]),
    ).toBe("row 2 pairs the same roles as row 1");
    expect(refusal([[11, 21, "ok", "extra"]])).toBe(
      "row 1 has more than three columns (role A, role B, rule name)",
    );
    expect(refusal([[11, 21, "x".repeat(MAX_SOD_RULE_NAME + 1)]])).toBe(
      `row 1: the rule name is longer than ${MAX_SOD_RULE_NAME} characters`,
    );
    // Blank cells beyond the third column (a wider range) are fine.
    expect(ok([[11, 21, "ok", null, ""]])).toHaveLength(1);
  });

  test(`at most ${MAX_SOD_RULES} rules`, () => {
    const rows = Array.from({ length: MAX_SOD_RULES }, (_, i) => [i + 1, 1000 + i]);
    expect(ok(rows)).toHaveLength(MAX_SOD_RULES);
    expect(refusal([...rows, [5000, 5001]])).toBe(`more than ${MAX_SOD_RULES} rules`);
  });

  test("a rule without a name is shown as its two roles", () => {
    expect(ruleLabel({ roleA: 11, roleB: 21, name: null })).toBe("11 and 21");
    expect(ruleLabel({ roleA: 11, roleB: 21, name: "SoD 1" })).toBe("SoD 1");
  });
});

describe("the rules on their way to the gateway", () => {
  test("the parameter carries every rule and reads back the same", () => {
    const rules = ok([
      [11, 21, 'Quotes " and , and ;'],
      [31, 41],
    ]);
    const param = sodRulesParam(rules);
    expect(parseSodRulesParam(param)).toEqual({ ok: true, rules });
    expect(parseRulesParameter(param, true)).toEqual(rules);
  });

  test("the gateway refuses what the cell refuses, naming the row", () => {
    const bad = [
      [11, 21],
      [31, 31],
    ];
    expect(() => parseCell(bad)).toThrow(new ArgumentError("rules", "row 2: role A and role B are both 31"));
    expect(() => parseRulesParameter(JSON.stringify(bad), true)).toThrow(
      /row 2: role A and role B are both 31/,
    );
    expect(() => parseRulesParameter("not json", true)).toThrow(/JSON list/);
    expect(() => parseRulesParameter("[1,2]", true)).toThrow(/JSON list/);
    expect(() => parseRulesParameter(undefined, true)).toThrow(/"rules" is required/);
    expect(parseRulesParameter(undefined, false)).toEqual([]);
  });

  test("the cell reads a single value as a one-cell row (so it names what is missing)", () => {
    expect(() => parseCell(11)).toThrow(new ArgumentError("rules", "row 1: role B is missing"));
    expect(parseCell([[11, 21]])).toEqual([{ roleA: 11, roleB: 21, name: null }]);
  });
});
