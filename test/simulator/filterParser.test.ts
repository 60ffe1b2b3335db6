/** The $filter tokenizer, parser and evaluator on their own: precedence, literals, functions, errors. */
import { evaluate } from "../../src/simulator/odata/evaluate";
import { ODataError, SYNTAX_ERROR } from "../../src/simulator/odata/errors";
import { parseFilter } from "../../src/simulator/odata/filter";
import { tokenize } from "../../src/simulator/odata/lexer";
import { schema, type Row } from "../../src/simulator/odata/schema";

const entity = schema("Test.Thing", "ID", {
  ID: "Edm.Guid",
  Code: "Edm.Int32",
  Big: "Edm.Int64",
  Amount: "Edm.Double",
  Name: "Edm.String",
  Active: "Edm.Boolean",
  Created: "Edm.DateTime",
});

const row: Row = {
  ID: "0f8fad5b-d9cb-469f-a165-70867728950e",
  Code: 42,
  Big: 9_000_000_000,
  Amount: 12.5,
  Name: "O'Brien & Zn.",
  Active: true,
  Created: Date.UTC(2024, 4, 1, 12, 30),
};

const run = (filter: string, target: Row = row) => evaluate(parseFilter(filter, entity), target);

function failure(filter: string): string {
  try {
    parseFilter(filter, entity);
  } catch (error) {
    expect(error).toBeInstanceOf(ODataError);
    return (error as ODataError).message;
  }
  throw new Error(`"${filter}" parsed`);
}

it("tokenizes literals, escaped quotes, suffixes and prefixed literals", () => {
  const tokens = tokenize(
    "Name eq 'O''Brien' and Big gt 5L or Code eq -3 and Created lt datetime'2024-01-01'",
  );
  expect(tokens.map((t) => t.kind)).toEqual([
    "identifier",
    "identifier",
    "string",
    "identifier",
    "identifier",
    "identifier",
    "number",
    "identifier",
    "identifier",
    "identifier",
    "number",
    "identifier",
    "identifier",
    "identifier",
    "datetime",
    "end",
  ]);
  expect(tokens[2].text).toBe("O'Brien");
  expect(tokens[6]).toMatchObject({ text: "5", suffix: "L" });
  expect(tokens[10].text).toBe("-3");
});

it("binds not tighter than and, and tighter than or", () => {
  expect(run("Code eq 1 and Code eq 2 or Code eq 42")).toBe(true);
  expect(run("Code eq 42 or Code eq 1 and Code eq 2")).toBe(true);
  expect(run("(Code eq 42 or Code eq 1) and Code eq 2")).toBe(false);
  expect(run("not Code eq 1 and Active eq true")).toBe(true);
  expect(run("not (Code eq 42 or Active eq false)")).toBe(false);
});

it("compares each literal type", () => {
  expect(run("Name eq 'o''brien & zn.'")).toBe(true); // case-insensitive, like Exact's collation
  expect(run("Big ge 9000000000L")).toBe(true);
  expect(run("Amount gt 12.4 and Amount lt 12.6M")).toBe(true);
  expect(run("ID eq guid'0F8FAD5B-D9CB-469F-A165-70867728950E'")).toBe(true);
  expect(run("Created gt datetime'2024-05-01T12:29:59' and Created le datetime'2024-05-01T12:30'")).toBe(
    true,
  );
  expect(run("Active eq false")).toBe(false);
  expect(run("Name ne null")).toBe(true);
  expect(run("Name eq null", { ...row, Name: null })).toBe(true);
  expect(run("Code gt 1", { ...row, Code: null })).toBe(false);
});

it("evaluates functions", () => {
  expect(run("substringof('brien', Name)")).toBe(true);
  expect(run("startswith(Name, 'O''B')")).toBe(true);
  expect(run("endswith(Name, 'Zn.')")).toBe(true);
  expect(run("tolower(Name) eq 'o''brien & zn.'")).toBe(true);
  expect(run("length(Name) eq 13")).toBe(true);
  expect(run("year(Created) eq 2024 and month(Created) eq 5 and day(Created) eq 1")).toBe(true);
  expect(run("substringof('x', Name)", { ...row, Name: null })).toBe(false);
});

it("rejects malformed input with the documented texts", () => {
  for (const bad of [
    "",
    "Code eq",
    "Code eq 1 1",
    "(Code eq 1",
    "Code eq 1)",
    "Name eq 'open",
    "Code # 1",
    "Code",
    "and",
  ]) {
    expect(failure(bad)).toBe(SYNTAX_ERROR);
  }
  expect(failure("ID eq guid'nope'")).toBe("Unrecognized 'Edm.Guid' literal 'guid'nope'' in '6'.");
  expect(failure("Created eq datetime'2024-02-30'")).toBe(
    "Unrecognized 'Edm.DateTime' literal 'datetime'2024-02-30'' in '11'.",
  );
  expect(failure("Missing eq 1")).toBe("No property 'Missing' exists in type 'Test.Thing' at position 0.");
  expect(failure("Code eq 'a'")).toBe(
    "Operator 'eq' incompatible with operand types 'System.Int32' and 'System.String' at position 5.",
  );
  expect(failure("Active gt true")).toMatch(/^Operator 'gt' incompatible/);
  expect(failure("frobnicate(Name)")).toBe("Unknown function 'frobnicate' at position 0.");
  expect(failure("startswith(Code, 'a')")).toMatch(/^No applicable function found for 'startswith'/);
});
