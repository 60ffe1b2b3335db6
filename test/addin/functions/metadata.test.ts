/**
 * functions.json as the build generates it: structure from functions.ts, texts from the function
 * catalogue; every function, every parameter described.
 */
import path from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { localizeMetadata } from "../../../src/shared/functions/localizedMetadata";
import { DEV_BASE_URL } from "../../../src/shared/manifestUrls";

interface Parameter {
  name: string;
  description?: string;
  optional?: boolean;
  dimensionality?: string;
}
interface FunctionMetadata {
  id: string;
  description?: string;
  helpUrl?: string;
  parameters: Parameter[];
  options?: { volatile?: boolean; stream?: boolean; cancelable?: boolean };
  result: { dimensionality?: string };
}

let functions: FunctionMetadata[];
beforeAll(async () => {
  const source = path.join(__dirname, "../../../src/addin/functions/functions.ts");
  const generated = await generateCustomFunctionsMetadata([source]);
  expect(generated.errors).toEqual([]);
  const english = localizeMetadata(generated.metadataJson, "en", DEV_BASE_URL);
  functions = (JSON.parse(english) as { functions: FunctionMetadata[] }).functions;
});

const signature = (fn: FunctionMetadata) =>
  `${fn.id}(${fn.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ")})`;

test("declares the documented signatures", () => {
  expect(functions.map(signature)).toEqual([
    "VERSION()",
    "DIVISIONS([headers], [scope])",
    "USERS([division], [headers])",
    "USERROLES([divisions], [role], [activeOnly], [headers])",
    "ROLEHOLDERS(role, [divisions], [headers])",
    "ROLES([divisions], [headers])",
    "ROLECHANGES(since, [divisions], [roles], [headers])",
    "ACCESSISSUES([divisions], [inactiveDays], [headers])",
    "REVIEWS([headers])",
    "SODCONFLICTS(rules, [divisions], [headers])",
    "WHOAMI([headers])",
    "QUERY(resource, select, [filter], [division], [orderby], [top], [headers])",
  ]);
});

test("every function and parameter has a description; tables spill; nothing is volatile", () => {
  for (const fn of functions) {
    expect(fn.description).toBeTruthy();
    // The build and the gateway give each function its own help page (see publicUrlBuild.test.ts).
    expect(fn.helpUrl).toBe(`${DEV_BASE_URL}/help/en/functions/${fn.id.toLowerCase()}.html`);
    for (const parameter of fn.parameters) expect(parameter.description!.length).toBeGreaterThan(10);
    expect(fn.options?.volatile).toBeFalsy();
    expect(fn.options?.stream).toBeFalsy();
    if (fn.id !== "VERSION") expect(fn.result.dimensionality).toBe("matrix");
  }
});

test("arguments that take a range are declared as ranges", () => {
  const ranges = functions.flatMap((fn) =>
    fn.parameters.filter((p) => p.dimensionality === "matrix").map((p) => `${fn.id}.${p.name}`),
  );
  expect(ranges.sort()).toEqual(
    [
      "USERROLES.divisions",
      "USERROLES.role",
      "ROLEHOLDERS.role",
      "ROLEHOLDERS.divisions",
      "ROLES.divisions",
      "ROLECHANGES.divisions",
      "ROLECHANGES.roles",
      "ACCESSISSUES.divisions",
      "SODCONFLICTS.rules",
      "SODCONFLICTS.divisions",
      "QUERY.select",
    ].sort(),
  );
});

test("every function name follows Excel's naming rules: a letter first, at least three characters, no cell reference", () => {
  // docs: excel/custom-functions-naming. A two-letter id (the former EOL.ME) breaks the minimum length.
  for (const { id } of functions) {
    expect({ id, valid: /^[A-Z][A-Z0-9_.]{2,}$/.test(id) }).toEqual({ id, valid: true });
    expect({ id, cellReference: /^[A-Z]{1,3}[0-9]+$/.test(id) }).toEqual({ id, cellReference: false });
  }
  expect(functions.map((fn) => fn.id)).not.toContain("ME");
});

test("every table function is cancelable, so Excel tells it when a cell no longer needs its answer", () => {
  // docs: excel/custom-functions-json-autogeneration (@cancelable); the invocation is not a parameter.
  const cancelable = functions.filter((fn) => fn.options?.cancelable).map((fn) => fn.id);
  expect(cancelable).toEqual(functions.filter((fn) => fn.id !== "VERSION").map((fn) => fn.id));
  for (const fn of functions) expect(fn.parameters.map((p) => p.name)).not.toContain("invocation");
});
