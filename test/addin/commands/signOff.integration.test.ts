/**
 * Sign off of the Access review sheet: the sheet's Decision and Comment cells (office-addin-mock over a
 * cell grid, support/excelMock.ts) go to the real gateway (inject) over the simulator (HTTP), which
 * records them against the snapshot it served; the sheet then says who signed off, and =EOL.REVIEWS
 * lists the review as intact.
 */
import type { ReviewRecord } from "../../../src/shared/api";
import { VirtualClock } from "../../../src/shared/clock";
import { defaultGrant, startSimulator, type RunningSimulator } from "../../../src/simulator";
import * as EOL from "../../../src/addin/functions/functions";
import { insertAccessReviewSheet } from "../../../src/addin/commands/actions";
import { signOffAccessReview } from "../../../src/addin/commands/signOff";
import { RIBBON_COMMANDS } from "../../../src/addin/commands/ribbonCommands";
import { REVIEW_SHEETS_SETTING, type ReviewSheetRecord } from "../../../src/addin/excel/reviewDecisions";
import type { FakeWorkbook } from "../../support/addin/excelMock";
import { connectTo, freshWorkbook } from "../../support/addin/setup";
import { fakeOfficeHost, resetOfficeHost } from "../../support/officeHost";
import { buildTestGateway, signInTestUser, type TestGateway } from "../../support/gateway";
import { callApi } from "../../support/api/callApi";

const SHEET = "Access review";

let sim: RunningSimulator;
let gateway: TestGateway;
let token: string;
let divisions: number[];
let workbook: FakeWorkbook;
let stored: Map<string, unknown>;

beforeAll(async () => {
  const clock = new VirtualClock();
  sim = await startSimulator({ clock, dataset: "demo", seed: 1, autoApprove: true });
  gateway = await buildTestGateway({}, { clock, simulator: sim });
  token = (await signInTestUser(gateway)).sessionToken;
  const blocked = new Set(sim.data.divisions.filter((d) => d.blockingStatus !== 0).map((d) => d.code));
  divisions = defaultGrant(sim.data, sim.data.primaryUserId)
    .filter((code) => !blocked.has(code))
    .slice(0, 4);
});
afterAll(async () => {
  await gateway?.close();
  await sim?.close();
});
beforeEach(async () => {
  await connectTo(gateway.url, token, gateway.fetch);
  workbook = freshWorkbook("Sheet1");
  stored = new Map();
  fakeOfficeHost({
    office: {
      AsyncResultStatus: { Succeeded: "succeeded" },
      context: {
        document: {
          settings: {
            get: (name: string) => stored.get(name) ?? null,
            set: (name: string, value: unknown) => stored.set(name, value),
            saveAsync: (callback: (result: { status: string }) => void) => callback({ status: "succeeded" }),
          },
        },
      },
    },
  });
});
afterEach(() => resetOfficeHost());

const record = (name = SHEET) =>
  (stored.get(REVIEW_SHEETS_SETTING) as Record<string, ReviewSheetRecord>)[name];

/** Types a value into a cell of the review sheet, as the reviewer would. */
function type(row: number, col: number, value: string | number): void {
  workbook.sheets.get(SHEET)!.set(`${row},${col}`, { format: "@", value, formula: null });
}

test("the decisions typed on the sheet are signed off against the served snapshot, by '#' even after sorting", async () => {
  await insertAccessReviewSheet({ roles: [274, 51], divisions });
  const { tables, snapshotId } = record();
  const holders = tables.holders!;
  expect(holders.rows).toBeGreaterThan(1);
  const first = holders.headerRow + 1;
  const decision = holders.columns - 2;
  // The reviewer sorted the table: its first two rows swapped places, "#" travelling with them.
  const grid = workbook.sheets.get(SHEET)!;
  for (let col = 0; col < holders.columns; col += 1) {
    const a = grid.get(`${first},${col}`)!;
    grid.set(`${first},${col}`, grid.get(`${first + 1},${col}`)!);
    grid.set(`${first + 1},${col}`, a);
  }
  type(first, decision, "Remove");
  type(first, decision + 1, "  left in May ");
  type(first + 1, decision, "keep");

  const signed: ReviewRecord = await signOffAccessReview();
  expect(signed.decisions).toBe(2);
  const evidence = signed.evidence as { snapshot: { id: string }; decisions: unknown[] };
  expect(evidence.snapshot.id).toBe(snapshotId);
  expect(evidence.decisions).toEqual([
    { table: "holders", row: 2, decision: "Remove", comment: "left in May" },
    { table: "holders", row: 1, decision: "Keep", comment: null },
  ]);
  const primary = sim.data.users.find((user) => user.userId === sim.data.primaryUserId)!;
  const line = `Signed off by ${primary.fullName} at ${signed.signedAt.slice(0, 16).replace("T", " ")} UTC — evidence ${signed.id}, hash ${signed.hash.slice(0, 16)}`;
  expect(workbook.cell(SHEET, 5, 0)?.value).toBe(line);
  expect(record().signedOff).toBe(line);

  // Signed off once: the button says so instead of asking the gateway again.
  await expect(signOffAccessReview()).rejects.toThrow(`This review is signed off already: ${line}`);

  const reviews = (await EOL.reviews(true)) as unknown[][];
  expect(reviews[0]).toEqual([
    "Review",
    "Signed off at",
    "Reviewer",
    "Divisions",
    "Roles",
    "Data as of",
    "Holders",
    "Findings",
    "Decisions",
    "Removals",
    "Hash",
    "Verified",
  ]);
  expect(reviews[1][0]).toBe(signed.id);
  expect(reviews[1][11]).toBe("Intact");
  const kept = await callApi<ReviewRecord>(gateway, token, `/api/v1/reviews/${signed.id}`);
  expect(kept.body.hash).toBe(signed.hash);
});

test("a Decision the list does not offer is refused naming its row, and nothing is sent", async () => {
  await insertAccessReviewSheet({ roles: [274], divisions });
  const holders = record().tables.holders!;
  type(holders.headerRow + 1, holders.columns - 2, "Maybe");
  const before = (await callApi(gateway, token, "/api/v1/review-log")).body.rows.length;
  await expect(signOffAccessReview()).rejects.toThrow(
    `Row ${holders.headerRow + 2} (holders): "Maybe" is not a decision; choose Keep, Remove or Investigate.`,
  );
  expect((await callApi(gateway, token, "/api/v1/review-log")).body.rows.length).toBe(before);
});

test("a sheet EOL did not insert is not signed off", async () => {
  workbook.active = "Sheet1";
  await expect(signOffAccessReview()).rejects.toThrow(/^The active sheet is not an Access review/);
  expect(RIBBON_COMMANDS.signOffAccessReview).toBe(signOffAccessReview);
});
