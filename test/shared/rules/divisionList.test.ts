/**
 * The one division-list grammar (src/shared/rules/divisionList.ts): what it accepts in each spelling, and
 * a cell and the gateway's `divisions` parameter giving the same verdict on the same list, also where
 * the two used to differ (duplicates counted towards the limit; codes with leading zeros).
 */
import * as cell from "../../../src/addin/functions/arguments";
import { ArgumentError } from "../../../src/addin/functions/argumentError";
import * as route from "../../../src/gateway/data/arguments";
import { GatewayError } from "../../../src/gateway/errors";
import { divisionsParam, parseDivisionList } from "../../../src/shared/rules/divisionList";
import { MAX_DIVISION_CODE, MAX_DIVISIONS_IN_LIST } from "../../../src/shared/rules/queryLimits";

describe("the division-list grammar", () => {
  test("keywords, codes and lists; duplicates dropped in given order", () => {
    expect(parseDivisionList([" ALL "], "wire")).toEqual({ ok: true, selection: "all" });
    expect(parseDivisionList(["Current"], "typed")).toEqual({ ok: true, selection: "current" });
    expect(parseDivisionList(["3, 1,3"], "wire")).toEqual({ ok: true, selection: [3, 1] });
    expect(parseDivisionList([101, "102;103", " 101 "], "typed")).toEqual({
      ok: true,
      selection: [101, 102, 103],
    });
    expect(parseDivisionList([], "typed")).toEqual({ ok: true, selection: [] });
    expect(parseDivisionList([String(MAX_DIVISION_CODE)], "wire")).toMatchObject({ ok: true });
  });

  test.each([["1;2"], ["1 2"], ["1,,2"], ["all,1"], ["0"], ["-5"], ["1.5"], [String(MAX_DIVISION_CODE + 1)]])(
    "refuses %p on the wire",
    (text) => {
      expect(parseDivisionList([text], "wire")).toEqual({ ok: false, reason: "not_a_division" });
    },
  );

  test("semicolons separate only what users type; numbers must be whole", () => {
    expect(parseDivisionList(["1;2"], "typed")).toMatchObject({ ok: true, selection: [1, 2] });
    expect(parseDivisionList([1.5], "typed")).toEqual({ ok: false, reason: "not_a_division" });
  });

  test(`at most ${MAX_DIVISIONS_IN_LIST} distinct codes`, () => {
    const codes = Array.from({ length: MAX_DIVISIONS_IN_LIST + 1 }, (_, i) => i + 1);
    expect(parseDivisionList([codes.slice(0, -1).join(",")], "wire")).toMatchObject({ ok: true });
    expect(parseDivisionList([codes.join(",")], "wire")).toEqual({ ok: false, reason: "too_many" });
  });

  test("the wire spelling round-trips", () => {
    for (const selection of ["all", "current", [7, 3, 12]] as const) {
      const text = divisionsParam(typeof selection === "string" ? selection : [...selection])!;
      const parsed = parseDivisionList([text], "wire");
      expect(parsed).toEqual({ ok: true, selection: typeof selection === "string" ? selection : [7, 3, 12] });
    }
    expect(divisionsParam(null)).toBeUndefined();
  });
});

/** What one side makes of a list: its codes or keyword, or "refused" for its own argument error. */
function verdict(parse: () => unknown): unknown {
  try {
    const result = parse();
    return typeof result === "object" && result !== null && "kind" in result
      ? ((result as { divisions?: number[]; kind: string }).divisions ?? (result as { kind: string }).kind)
      : result;
  } catch (error) {
    if (error instanceof ArgumentError || error instanceof GatewayError) return "refused";
    throw error;
  }
}

describe("a cell and the route agree", () => {
  const duplicates = [...Array.from({ length: MAX_DIVISIONS_IN_LIST }, (_, i) => i + 1), 1, 2].join(",");
  test.each([
    ["one code", "274"],
    ["all", "all"],
    ["current in capitals", "CURRENT"],
    ["a list with spaces and a repeat", "1, 2,1"],
    ["a code with leading zeros", "00000000000274"],
    [`${MAX_DIVISIONS_IN_LIST} codes and two repeats`, duplicates],
    ["an empty part", "1,,2"],
    ["a keyword in a list", "all,1"],
    ["a word", "abc"],
    ["zero", "0"],
  ])("on %s", (_label, text) => {
    expect(verdict(() => cell.parseDivisions(text))).toEqual(
      verdict(() => route.parseDivisions(text, "divisions")),
    );
  });
});
