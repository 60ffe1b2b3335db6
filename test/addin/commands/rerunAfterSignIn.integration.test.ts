/**
 * Cells waiting for sign-in run again by themselves: after a successful sign-in, the EOL formulas
 * whose cell shows #N/A ("Sign in to Exact Online …") are re-entered, and nothing else is touched.
 * Real HTTP to the loopback gateway stand-in (signed out first: it answers not_signed_in); Excel
 * through office-addin-mock (support/addin/excelMock.ts).
 */
import type { FakeWorkbook } from "../../support/addin/excelMock";
import * as EOL from "../../../src/addin/functions/functions";
import { rerunAfterEachSignIn, whenWaitingCellsRerun } from "../../../src/addin/commands/rerunAfterSignIn";
import { setSignInState } from "../../../src/addin/auth/signInState";
import type { SessionInfo } from "../../../src/shared/api";
import { STUB_TOKEN, startStubGateway, type StubGateway } from "../../support/addin/stubGateway";
import { cellError, connectTo, freshWorkbook } from "../../support/addin/setup";
import { fakeOfficeHost, resetOfficeHost } from "../../support/officeHost";

let stub: StubGateway;
let workbook: FakeWorkbook;
let stopListening: () => void;
let documentMode: string;

const SESSION = { user: { fullName: "Ann Admin" } } as unknown as SessionInfo;

beforeAll(async () => {
  stub = await startStubGateway();
});
afterAll(() => stub.close());
beforeEach(async () => {
  await connectTo(stub.baseUrl, null); // signed out
  workbook = freshWorkbook("Sheet1", "Report");
  documentMode = "readWrite";
  fakeOfficeHost({
    office: {
      context: {
        get document() {
          return { mode: documentMode };
        },
        requirements: { isSetSupported: (set: string, v: string) => set === "ExcelApi" && v === "1.12" },
      },
    },
  });
  workbook.evaluate = async (formula) =>
    (/USERS/.test(formula) ? await EOL.users(101, false) : await EOL.divisions(false, null))[0][0];
  stopListening = rerunAfterEachSignIn();
});
afterEach(() => {
  stopListening();
  resetOfficeHost();
});

function written(): string[] {
  return workbook.ops.flatMap((op) => (op.op === "formula" ? [`${op.sheet}!${op.row},${op.col}`] : []));
}

/** A workbook used before signing in: its EOL cells show what the functions answered then. */
async function usedWhileSignedOut(): Promise<void> {
  const signIn = await cellError(EOL.divisions(false, null));
  expect(signIn).toEqual({ code: "#N/A", message: "Sign in to Exact Online (EOL task pane)" });
  workbook.setFormula("Sheet1", 0, 0, "=EOL.DIVISIONS(FALSE)", "#N/A");
  workbook.setFormula("Report", 3, 1, "=INDEX(EOL.USERS(101,FALSE),1,1)", "#N/A");
  workbook.setFormula("Sheet1", 2, 0, '=EOL.USERS("x")', "#VALUE!"); // a bad argument: stays
  workbook.setFormula("Sheet1", 4, 0, "=EOL.VERSION()", "1.0.0"); // a value: stays
  workbook.setFormula("Sheet1", 6, 0, "=VLOOKUP(1,A1:A2,1,FALSE)", "#N/A"); // not ours: stays
}

test("after a successful sign-in, the EOL cells showing #N/A run again, and only those", async () => {
  await usedWhileSignedOut();
  await connectTo(stub.baseUrl, STUB_TOKEN);
  setSignInState({ phase: "signed-in", session: SESSION }); // what the sign-in flow publishes
  const pass = await whenWaitingCellsRerun();
  expect(written().sort()).toEqual(["Report!3,1", "Sheet1!0,0"]);
  expect(pass?.rerun).toHaveLength(2);
  await new Promise((resolve) => setTimeout(resolve, 200)); // the re-run functions answer
  expect(workbook.cell("Sheet1", 0, 0)!.value).toBe(101);
  expect(workbook.cell("Report", 3, 1)!.value).not.toBe("#N/A");
  expect(workbook.cell("Sheet1", 2, 0)!.value).toBe("#VALUE!");
});

test("a sign-in that fails or is still under way re-runs nothing", async () => {
  await usedWhileSignedOut();
  setSignInState({ phase: "signing-in" });
  setSignInState({ phase: "failed", code: "access_denied", message: "Cancelled." });
  await whenWaitingCellsRerun();
  expect(written()).toEqual([]);
});

test("in a read-only session the waiting cells are left alone (and counted)", async () => {
  await usedWhileSignedOut();
  documentMode = "readOnly";
  await connectTo(stub.baseUrl, STUB_TOKEN);
  setSignInState({ phase: "signed-in", session: SESSION });
  const pass = await whenWaitingCellsRerun();
  expect(written()).toEqual([]);
  expect(pass?.skipped.readOnly).toBe(2);
});
