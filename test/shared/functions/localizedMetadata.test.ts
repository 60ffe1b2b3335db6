/**
 * functions.json and functions-nl.json as the build writes them (functions.ts through
 * custom-functions-metadata, texts from the function catalogue): the same functions with the same
 * parameters in both languages, every text present, and the Dutch really Dutch.
 */
import path from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { FUNCTION_CATALOGUE } from "../../../src/shared/functions/catalogue";
import { catalogueMismatches, localizeMetadata } from "../../../src/shared/functions/localizedMetadata";
import type { FunctionDoc } from "../../../src/shared/functions/types";

interface Parameter {
  name: string;
  description: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
}
interface Fn {
  id: string;
  name: string;
  description: string;
  helpUrl: string;
  parameters: Parameter[];
  result: unknown;
  options?: unknown;
}

const BASE = "https://eol.example.com/addin";
let generated: string;
let english: Fn[];
let dutch: Fn[];

beforeAll(async () => {
  const source = path.join(__dirname, "../../../src/addin/functions/functions.ts");
  const result = await generateCustomFunctionsMetadata([source]);
  expect(result.errors).toEqual([]);
  generated = result.metadataJson;
  english = (JSON.parse(localizeMetadata(generated, "en", BASE)) as { functions: Fn[] }).functions;
  dutch = (JSON.parse(localizeMetadata(generated, "nl", `${BASE}/`)) as { functions: Fn[] }).functions;
});

test("both languages list the same functions with the same parameters, types and options", () => {
  const shape = (fn: Fn) => ({
    id: fn.id,
    result: fn.result,
    options: fn.options,
    parameters: fn.parameters.map(({ type, dimensionality, optional }) => ({
      type,
      dimensionality,
      optional,
    })),
  });
  expect(english.length).toBe(FUNCTION_CATALOGUE.length);
  expect(dutch.map(shape)).toEqual(english.map(shape));
  expect(english.map((fn) => fn.id)).toEqual(expect.arrayContaining(["VERSION", "DIVISIONS", "QUERY"]));
});

test("every name, description and parameter text is there, and the Dutch differs from the English", () => {
  for (const [en, nl] of english.map((fn, index) => [fn, dutch[index]] as const)) {
    for (const fn of [en, nl]) {
      expect({ id: fn.id, name: fn.name.length >= 3, description: fn.description.length > 10 }).toEqual({
        id: fn.id,
        name: true,
        description: true,
      });
      for (const p of fn.parameters)
        expect({ id: fn.id, p: p.name, ok: p.description.length > 10 }).toEqual({
          id: fn.id,
          p: p.name,
          ok: true,
        });
    }
    expect({ id: en.id, englishName: en.name }).toEqual({ id: en.id, englishName: en.id });
    expect({
      id: en.id,
      sameName: nl.name === en.name,
      sameDescription: nl.description === en.description,
    }).toEqual({
      id: en.id,
      sameName: false,
      sameDescription: false,
    });
    en.parameters.forEach((p, index) => {
      const q = nl.parameters[index];
      expect({
        id: en.id,
        p: p.name,
        sameName: q.name === p.name,
        sameHelp: q.description === p.description,
      }).toEqual({
        id: en.id,
        p: p.name,
        sameName: false,
        sameHelp: false,
      });
    });
  }
});

test("the Dutch names follow Excel's naming rules and never clash", () => {
  // docs: excel/custom-functions-naming: a letter first, at least three characters, Unicode letters, _ and .
  const names = dutch.map((fn) => fn.name);
  for (const name of names) {
    expect({ name, valid: /^\p{L}[\p{L}0-9_.]{2,}$/u.test(name) }).toEqual({ name, valid: true });
    expect({ name, cellReference: /^[A-Z]{1,3}[0-9]+$/.test(name) }).toEqual({ name, cellReference: false });
  }
  expect(new Set(names).size).toBe(names.length);
  expect(names.filter((name) => english.some((fn) => fn.name === name))).toEqual([]);
});

test("each function links to its own help page in its language, below the base URL", () => {
  expect(english.find((fn) => fn.id === "ROLEHOLDERS")!.helpUrl).toBe(
    `${BASE}/help/en/functions/roleholders.html`,
  );
  expect(dutch.find((fn) => fn.id === "ROLEHOLDERS")!.helpUrl).toBe(
    `${BASE}/help/nl/functions/roleholders.html`,
  );
  expect(() => localizeMetadata(generated, "en", "javascript:alert(1)")).toThrow(/base URL/);
});

test("a function or parameter missing on either side fails the generation, naming it", () => {
  const metadata = JSON.parse(generated) as { functions: { id: string; parameters: { name: string }[] }[] };
  expect(catalogueMismatches(metadata.functions)).toEqual([]);
  const extra = [...metadata.functions, { id: "NEWFUNCTION", parameters: [] }];
  expect(catalogueMismatches(extra)).toEqual(["NEWFUNCTION: not in the function catalogue"]);
  const catalogue: FunctionDoc[] = FUNCTION_CATALOGUE.map((doc) =>
    doc.id === "USERS" ? { ...doc, parameters: doc.parameters.slice(1) } : doc,
  );
  expect(catalogueMismatches(metadata.functions, catalogue)).toEqual([
    "USERS: functions.ts has (division, headers), the catalogue (headers)",
  ]);
  expect(catalogueMismatches(metadata.functions.slice(1))).toEqual(["VERSION: not declared in functions.ts"]);
  const broken = JSON.stringify({ ...metadata, functions: extra });
  expect(() => localizeMetadata(broken, "nl", BASE)).toThrow(/NEWFUNCTION: not in the function catalogue/);
});
