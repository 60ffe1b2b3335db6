/**
 * Cells waiting for sign-in run again by themselves. A formula used before signing in shows #N/A
 * "Sign in to Exact Online …", and Excel has no reason to run it again: its arguments did not change.
 * So after every successful sign-in (the ribbon's or the pane's: both publish the "sign-in" state) the
 * EOL formulas whose cell shows #N/A are re-entered, the way Refresh all does it (refreshFormulas.ts:
 * bounded blocks, protected sheets and read-only sessions left alone). Cells showing a value, or
 * #VALUE! for a bad argument, are not touched. Where ExcelApi 1.12 is missing, a full calculation
 * does the same less precisely (recalculate.ts). Quiet: the cells show the outcome.
 */
import { on } from "../events";
import { documentReadOnly, isSetSupported } from "../office/environment";
import { hasWorkbook, runWorkbook } from "../office/workbook";
import { readSheetNames } from "../excel/sheetList";
import { recalculateAll } from "../excel/recalculate";
import { rerunEolFormulas, type RerunPass } from "../excel/refreshFormulas";

let running: Promise<RerunPass | null> = Promise.resolve(null);

/** Re-enters the EOL formulas showing #N/A; null where there is no workbook or only a full calculation. */
export async function rerunWaitingCells(): Promise<RerunPass | null> {
  if (!hasWorkbook()) return null;
  return runWorkbook(async (context) => {
    const names = await readSheetNames(context);
    if (!isSetSupported("ExcelApi", "1.12")) {
      await recalculateAll(context, names);
      return null;
    }
    return rerunEolFormulas(context, names, { readOnly: documentReadOnly(), onlyNotAvailable: true });
  });
}

/** The re-run started by the last sign-in (resolved at once when there was none). */
export function whenWaitingCellsRerun(): Promise<RerunPass | null> {
  return running;
}

/** Starts listening for successful sign-ins; returns the function that stops it. */
export function rerunAfterEachSignIn(): () => void {
  return on("sign-in", (state) => {
    if (state.phase !== "signed-in") return;
    running = running
      .catch(() => null) // one failed re-run never blocks the next sign-in's
      .then(rerunWaitingCells);
    running.catch((error) => console.warn("EOL could not re-run the formulas waiting for sign-in", error));
  });
}
