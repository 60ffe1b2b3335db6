/**
 * Every `=EOL.…` example in README.md and docs/*.md runs against the demo (gateway + simulator with the
 * demo data set, signed in as the demo's user) through the functions as Excel registers them, and
 * answers rows, not an error value or a lone header row — so the documentation and the demo cannot
 * drift apart.
 */
import fs from "node:fs";
import path from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { VirtualClock } from "../../src/shared/clock";
import { startSimulator, type RunningSimulator } from "../../src/simulator";
import * as EOL from "../../src/addin/functions/functions";
import { signInTestUser, buildTestGateway, type TestGateway } from "../support/gateway";
import { connectTo } from "../support/addin/setup";
import { examplesIn, parseFormula, type Argument, type ExampleCall } from "../support/docExamples";
import { callApi } from "../support/api/callApi";
import type { AccessReviewResponse } from "../../src/shared/api";

const ROOT = path.join(__dirname, "../..");
const FILES = [
  "README.md",
  ...fs
    .readdirSync(path.join(ROOT, "docs"))
    .filter((f) => f.endsWith(".md"))
    .map((f) => `docs/${f}`),
];
const examples = examplesIn(FILES, ROOT);

interface Registered {
  run: (...args: unknown[]) => unknown;
  /** Per parameter: true when Excel passes it as a matrix (a range or a scalar wrapped in [[…]]). */
  matrix: boolean[];
  /** Position of the `headers` parameter, if the function has one. */
  headers: number;
}

let sim: RunningSimulator;
let gateway: TestGateway;
let registered: Map<string, Registered>;
/** The sheet the examples refer to: column A from row 2 holds your division codes, as the docs describe. */
let columnA: number[];

beforeAll(async () => {
  const source = path.join(ROOT, "src/addin/functions/functions.ts");
  const generated = await generateCustomFunctionsMetadata([source]);
  expect(generated.errors).toEqual([]);
  const metadata = JSON.parse(generated.metadataJson) as {
    functions: Array<{ id: string; parameters: Array<{ name: string; dimensionality?: string }> }>;
  };
  const functions = EOL as unknown as Record<string, (...args: unknown[]) => unknown>;
  registered = new Map(
    generated.associate.map(({ id, functionName }) => {
      const { parameters } = metadata.functions.find((fn) => fn.id === id)!;
      return [
        id,
        {
          run: functions[functionName],
          matrix: parameters.map((p) => p.dimensionality === "matrix"),
          headers: parameters.findIndex((p) => p.name === "headers"),
        },
      ];
    }),
  );
  const clock = new VirtualClock();
  sim = await startSimulator({ clock, autoApprove: true, dataset: "demo", seed: 1 });
  gateway = await buildTestGateway({ EOL_EXACT_BASE_URL: sim.url }, { clock, simulator: sim });
  const { sessionToken } = await signInTestUser(gateway);
  await connectTo(gateway.url, sessionToken, gateway.fetch);
  const divisions = (await EOL.divisions(false, null)) as unknown[][];
  columnA = divisions.map((row) => row[0] as number);
  // One signed-off review, as after a first sign-off of the demo, so =EOL.REVIEWS() has a row to show.
  const review = await callApi<AccessReviewResponse>(gateway, sessionToken, "/api/v1/access-review");
  const signed = await gateway.fetch(`${gateway.url}/api/v1/reviews`, {
    method: "POST",
    headers: { authorization: `Bearer ${sessionToken}`, "content-type": "application/json" },
    body: JSON.stringify({ snapshotId: review.body.snapshotId, decisions: [] }),
  });
  expect(signed.status).toBe(201);
});
afterAll(async () => {
  await gateway?.close();
  await sim?.close();
});

/**
 * The fixture sheet: division codes in column A (from row 2), and two separation rules in C2:E3
 * (role A, role B, name), as the SODCONFLICTS examples use them.
 */
const RULE_CELLS: Record<string, unknown[]> = {
  C: [11, 31],
  D: [21, 41],
  E: ["Enter and approve", null],
};

/** A1-style reference → values of the fixture sheet (2-D), or a clear failure naming the cell. */
function cells(ref: string): unknown[][] {
  const [from, to = from] = ref.replace(/\$/g, "").split(":");
  const parse = (cell: string) => ({
    column: cell.replace(/\d+/g, ""),
    row: Number(cell.replace(/\D+/g, "")),
  });
  const start = parse(from);
  const end = parse(to);
  const ruleColumns = Object.keys(RULE_CELLS);
  const rules = ruleColumns.slice(ruleColumns.indexOf(start.column), ruleColumns.indexOf(end.column) + 1);
  if (ruleColumns.includes(start.column) && rules.length > 0 && start.row >= 2 && end.row <= 3) {
    return Array.from({ length: end.row - start.row + 1 }, (_, r) =>
      rules.map((column) => RULE_CELLS[column][start.row - 2 + r]),
    );
  }
  if (start.column !== "A" || end.column !== "A" || start.row < 2 || end.row < start.row) {
    throw new Error(
      `The examples' sheet only has division codes in A2:A${columnA.length + 1} and rules in C2:E3; ${ref} is not there`,
    );
  }
  const rows: unknown[][] = [];
  for (let row = start.row; row <= end.row; row += 1) rows.push([columnA[row - 2] ?? null]);
  return rows;
}

function value(argument: Argument, matrix: boolean): unknown {
  if (argument.kind === "empty") return null;
  if (argument.kind === "value") return matrix ? [[argument.value]] : argument.value;
  const range = cells(argument.ref);
  if (matrix) return range;
  if (range.length !== 1) throw new Error(`${argument.ref} is a range; this argument takes one value`);
  return range[0][0];
}

async function run(call: ExampleCall): Promise<unknown> {
  const fn = registered.get(call.id);
  if (!fn) throw new Error(`EOL.${call.id} is not a registered function`);
  if (call.args.length > fn.matrix.length) throw new Error(`${call.text} has too many arguments`);
  return fn.run(...call.args.map((argument, index) => value(argument, fn.matrix[index])));
}

/** Whether the call's answer starts with a header row (`headers` left out or empty means TRUE). */
function withHeaders(call: ExampleCall): boolean {
  const argument = call.args[registered.get(call.id)!.headers];
  return !(argument?.kind === "value" && argument.value === false);
}

test("the docs have examples for every function", () => {
  const used = new Set(examples.flatMap((example) => example.calls.map((call) => call.id)));
  expect([...registered.keys()].filter((id) => !used.has(id))).toEqual([]);
  expect(examples.length).toBeGreaterThan(10);
});

test("the example parser reads Excel's argument forms and refuses what it cannot run", () => {
  expect(parseFormula('=INDEX(EOL.X(A2:A20, , "a,""b", -5, TRUE), 1, 5)')).toEqual([
    {
      id: "X",
      text: 'EOL.X(A2:A20, , "a,""b", -5, TRUE)',
      args: [
        { kind: "reference", ref: "A2:A20" },
        { kind: "empty" },
        { kind: "value", value: 'a,"b' },
        { kind: "value", value: -5 },
        { kind: "value", value: true },
      ],
    },
  ]);
  expect(() => parseFormula("=EOL.X(SUM(1))")).toThrow(/Cannot run the argument SUM\(1\)/);
});

describe.each(
  examples.map((example) => [`${example.file}:${example.line} ${example.formula}`, example] as const),
)("%s", (_name, example) => {
  test("answers without an error value", async () => {
    for (const call of example.calls) {
      let answer: unknown;
      try {
        answer = await run(call);
      } catch (error) {
        const { code, message } = error as { code?: string; message: string };
        throw new Error(
          `${call.text} in ${example.file}:${example.line} gives ${code ?? "an error"}: ${message}`,
        );
      }
      if (call.id === "VERSION") expect(typeof answer).toBe("string");
      else {
        expect(Array.isArray(answer)).toBe(true);
        // A header row alone is an empty answer: the example must show data in the demo.
        const dataRows = (answer as unknown[][]).length - (withHeaders(call) ? 1 : 0);
        if (dataRows < 1) throw new Error(`${call.text} in ${example.file}:${example.line} answers no rows`);
      }
    }
  });
});
