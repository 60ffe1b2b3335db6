/**
 * Signing off the access review over all 1,500 divisions of the large set: Exact calls made by the
 * sign-off (goal 0: the gateway records what it served), how long the sign-off and a verification of
 * its chain take, and what the review stores (its canonical evidence, the hashed bytes).
 */
import { performance } from "node:perf_hooks";
import canonicalize from "canonicalize";
import type {
  AccessReviewResponse,
  ReviewDecision,
  ReviewRecord,
  ReviewVerification,
} from "../src/shared/api";
import type { Report } from "./report";
import { restCalls, startBenchStack } from "./stack";

const SECTION = "Access review sign-off (accountant-large: 1,500 divisions)";

export async function measureSignOff(report: Report): Promise<void> {
  const stack = await startBenchStack({ virtual: true, simulator: { dataset: "accountant-large" } });
  try {
    const review = await stack.get<AccessReviewResponse>("/api/v1/access-review?divisions=all");
    // A decision on every holder and finding: the largest sign-off this review can have.
    const decisions: ReviewDecision[] = [
      ...review.holders.rows.map((_, index) => ({
        table: "holders" as const,
        row: index + 1,
        decision: index % 10 === 0 ? ("Remove" as const) : ("Keep" as const),
        comment: index % 10 === 0 ? "No longer needs the role" : undefined,
      })),
      ...review.findings.rows.map((_, index) => ({
        table: "findings" as const,
        row: index + 1,
        decision: "Investigate" as const,
      })),
    ];
    stack.simulator.log.reset();
    const started = performance.now();
    const response = await fetch(`${stack.gateway.url}/api/v1/reviews`, {
      method: "POST",
      headers: { authorization: `Bearer ${stack.sessionToken}`, "content-type": "application/json" },
      body: JSON.stringify({ snapshotId: review.snapshotId, decisions }),
    });
    const signOffMs = performance.now() - started;
    if (response.status !== 201) throw new Error(`sign-off: ${response.status} ${await response.text()}`);
    const signed = (await response.json()) as ReviewRecord;
    const calls = restCalls(stack.simulator);
    const verifyStarted = performance.now();
    const verified = await stack.get<ReviewVerification>(`/api/v1/reviews/${signed.id}/verify`);
    const verifyMs = performance.now() - verifyStarted;
    const storedBytes = Buffer.byteLength(canonicalize(signed.evidence)!, "utf8");
    const rows = [review.holders, review.findings, review.changes, review.catalogue, review.sinceLastSignOff]
      .map((table) => table.rows.length)
      .reduce((sum, count) => sum + count, 0);
    report.add({
      section: SECTION,
      name: `Sign-off of the review over ${review.divisions.length} divisions (${decisions.length} decisions)`,
      measured: `${calls} Exact calls, ${signOffMs.toFixed(0)} ms`,
      goal: "0 Exact calls",
      met: calls === 0,
      note: "real time, gateway on loopback",
    });
    report.add({
      section: SECTION,
      name: `Stored evidence (the hashed canonical JSON: ${rows} rows served, decisions, reviewer, hash link)`,
      measured: `${(storedBytes / 1024).toFixed(0)} KiB`,
      goal: "—",
      met: null,
    });
    report.add({
      section: SECTION,
      name: "GET /api/v1/reviews/:id/verify of that review (re-hash of its chain)",
      measured: `${verified.intact ? "intact" : "broken"}, ${verifyMs.toFixed(0)} ms`,
      goal: "intact",
      met: verified.intact,
      note: "real time",
    });
  } finally {
    await stack.close();
  }
}
