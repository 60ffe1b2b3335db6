/**
 * `npm run bench`: every figure measured in one run and written to bench/RESULTS.md. Goals are tracked,
 * not enforced: the run fails only on errors.
 */
import path from "node:path";
import { measureBigQuery } from "./bigQuery";
import { measureBundles } from "./bundles";
import { measureEfficiency } from "./efficiency";
import { measureErrorBudget } from "./errorBudget";
import { measureFairness } from "./fairness";
import { measureMultiInstance } from "./multiInstance";
import { measureOverhead } from "./overhead";
import { measureSignOff } from "./signOff";
import { Report } from "./report";
import { measureTestLanes } from "./testLanes";
import { measureRealTimeCheck, measureWallTime } from "./wallTime";
import { measureWorkbook } from "./workbook";

async function main(): Promise<void> {
  const startedAt = new Date();
  const report = new Report();
  report.note("Upstream calls are counted by the simulator's request log (token-endpoint calls excluded).");
  report.note(
    "Lower bounds: per queried division max(1, ceil(rows ÷ 60)) pages of the rows the answer needs (active " +
      "role rows, of the asked roles), plus ceil(users named ÷ 60) for the name join, plus ceil(divisions ÷ 60) " +
      "for listing divisions when the answer covers all of them, plus — for an explicit division list on a " +
      "sign-in whose division list is not known yet — min(ceil(divisions ÷ 60), pages of the whole list) to " +
      "check the caller can open them: a correct client calls no division it cannot open (each refusal counts " +
      "towards Exact's error block).",
  );
  report.note(
    "Wall-time figures use one virtual clock for simulator and gateway: 120 ms latency and rate-limit waits " +
      "pass on it, overlapping calls overlap; real elapsed time is noted beside them.",
  );
  const root = path.resolve(__dirname, "..");
  measureBundles(report, path.join(root, "dist"));
  measureTestLanes(report, root);
  await measureEfficiency(report);
  await measureWorkbook(report);
  await measureSignOff(report);
  await measureErrorBudget(report);
  await measureFairness(report);
  await measureMultiInstance(report);
  await measureWallTime(report);
  await measureRealTimeCheck(report);
  await measureOverhead(report);
  await measureBigQuery(report);
  const seconds = (Date.now() - startedAt.getTime()) / 1000;
  report.write(path.join(root, "bench", "RESULTS.md"), startedAt, seconds);
  console.log(`\nWrote bench/RESULTS.md (${seconds.toFixed(0)} s).`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
