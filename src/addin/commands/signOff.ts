/**
 * Sign off (ribbon and task pane): sends the decisions on the active Access review sheet to the gateway,
 * which records them with the snapshot it served, the signed-in Exact user and its own time, and
 * writes the "Signed off by …" line into the sheet's heading.
 */
import type { ReviewRecord } from "../../shared/api";
import { dataServices } from "../data/services";
import {
  decisionsOf,
  readDecisionGrids,
  readReviewSheets,
  saveReviewSheet,
  signedOffLine,
} from "../excel/reviewDecisions";
import { addinStrings } from "../i18n";
import { runWorkbook } from "../office/workbook";
import { requireExcel, tracked } from "./actions";

export async function signOffAccessReview(): Promise<ReviewRecord> {
  const s = addinStrings();
  requireExcel(s);
  return tracked(
    "sign-off",
    2,
    async (step) => {
      step(s.signOff.signing);
      const { name, record, decisions } = await runWorkbook(async (context) => {
        const sheet = context.workbook.worksheets.getActiveWorksheet();
        sheet.load("name");
        await context.sync();
        const record = readReviewSheets()[sheet.name];
        if (!record) throw new Error(s.signOff.notAReviewSheet);
        if (record.signedOff) throw new Error(s.signOff.alreadySignedOff(record.signedOff));
        const grids = await readDecisionGrids(context, sheet, record);
        return { name: sheet.name, record, decisions: decisionsOf(grids, s.signOff.badDecision) };
      });
      const signed = await dataServices().client.signOff({ snapshotId: record.snapshotId, decisions });
      step(s.steps.writingReview);
      const line = signedOffLine(signed, s.sheets.signedOff);
      await runWorkbook(async (context) => {
        const cell = context.workbook.worksheets.getItem(name).getRangeByIndexes(record.statusRow, 0, 1, 1);
        cell.numberFormat = [["@"]];
        cell.values = [[line]];
        await context.sync();
      });
      await saveReviewSheet(name, { ...record, signedOff: line });
      return signed;
    },
    () => s.steps.done,
  );
}
