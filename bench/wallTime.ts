/**
 * Wall time under Exact's real limits: 120 ms a call and 60 calls a minute per division. Time is the
 * simulator's and gateway's shared virtual clock (latency and rate-limit waits pass on it), so a run
 * that would take minutes of real time takes seconds; overlapping calls overlap on it too.
 */
import { accessCheckBound, grantedOpenDivisions, roleRowsBound } from "./bounds";
import { naiveRoleAudit } from "./naiveClient";
import type { Report } from "./report";
import { restCalls, startBenchStack, type BenchStack } from "./stack";

const SECTION = "Wall time (120 ms a call, 60/min and 5,000/day per division, virtual clock)";
const LATENCY_MS = 120;
const CONCURRENCY = 8;

/**
 * The fewest calls a correct client makes for a cold audit of `divisions` (checking the list, the role
 * rows, the names), and the time they take at best: all of them `CONCURRENCY` at a time.
 */
function auditBound(data: BenchStack["simulator"]["data"], divisions: number[], now: number) {
  const calls = accessCheckBound(data, divisions.length) + roleRowsBound(data, divisions, now);
  return { calls, ms: (calls * LATENCY_MS) / CONCURRENCY };
}

export async function measureWallTime(report: Report): Promise<void> {
  const stack = await startBenchStack({
    virtual: true,
    simulator: { dataset: "accountant-large", latencyMs: LATENCY_MS },
    env: { EOL_EXACT_CONCURRENCY: String(CONCURRENCY) },
  });
  try {
    const thousand = grantedOpenDivisions(stack.simulator.data).slice(0, 1000);
    stack.simulator.log.reset();
    const started = stack.clock.now();
    const realStarted = Date.now();
    await stack.get(`/api/v1/user-roles?divisions=${thousand.join(",")}`);
    const elapsed = stack.clock.now() - started;
    const calls = restCalls(stack.simulator);
    const { calls: fewest, ms: bound } = auditBound(stack.simulator.data, thousand, started);
    report.add({
      section: SECTION,
      name: `Role audit over ${thousand.length} divisions, cold sign-in: ${calls} calls (lower bound ${fewest}), concurrency ${CONCURRENCY}`,
      measured: `${(elapsed / 1000).toFixed(1)} s (bound ${(bound / 1000).toFixed(1)} s) = ${(elapsed / bound).toFixed(2)}× the bound`,
      goal: "≤ 1.25× the bound",
      met: elapsed <= 1.25 * bound,
      note: `${((Date.now() - realStarted) / 1000).toFixed(1)} s real time`,
    });
    const gateway429s = stack.simulator.log.tooManyRequests();

    stack.simulator.log.reset();
    const naiveStarted = stack.clock.now();
    await naiveRoleAudit(stack.simulator, thousand);
    const naiveElapsed = stack.clock.now() - naiveStarted;
    report.add({
      section: SECTION,
      name: `Same audit by a naive sequential client (${restCalls(stack.simulator)} calls, one at a time, no cache)`,
      measured: `${(naiveElapsed / 1000).toFixed(1)} s → gateway ${(naiveElapsed / elapsed).toFixed(1)}× faster`,
      goal: "≥ 8× faster",
      met: naiveElapsed >= 8 * elapsed,
    });

    // More than 60 calls to one division within a minute: distinct queries, so the cache cannot help.
    const division = thousand[0];
    stack.simulator.log.reset();
    const burstStarted = stack.clock.now();
    const burst = Array.from({ length: 150 }, (_, i) =>
      stack.get(
        `/api/v1/query?resource=users/Users&select=UserID,UserName&division=${division}` +
          `&filter=${encodeURIComponent(`UserName ne 'nobody-${i}'`)}`,
      ),
    );
    await Promise.all(burst);
    const burstCalls = restCalls(stack.simulator);
    const burst429s = stack.simulator.log.tooManyRequests();
    report.add({
      section: SECTION,
      name: "429s received: 1,000-division audit",
      measured: String(gateway429s),
      goal: "0",
      met: gateway429s === 0,
    });
    report.add({
      section: SECTION,
      name: `429s received: ${burstCalls} calls to one division at once (waits for the minute reset)`,
      measured: `${burst429s} (done in ${((stack.clock.now() - burstStarted) / 1000).toFixed(0)} s virtual)`,
      goal: "0",
      met: burst429s === 0,
    });
  } finally {
    await stack.close();
  }
}

/**
 * The same comparison in real time on a smaller audit, as a check that the virtual-clock figures above
 * are not an artefact of the model.
 */
export async function measureRealTimeCheck(report: Report): Promise<void> {
  const stack = await startBenchStack({
    virtual: false,
    simulator: { dataset: "accountant-large", latencyMs: LATENCY_MS },
    env: { EOL_EXACT_CONCURRENCY: String(CONCURRENCY) },
  });
  try {
    const hundred = grantedOpenDivisions(stack.simulator.data).slice(0, 100);
    stack.simulator.log.reset();
    let started = Date.now();
    await stack.get(`/api/v1/user-roles?divisions=${hundred.join(",")}`);
    const elapsed = Date.now() - started;
    const calls = restCalls(stack.simulator);
    const { calls: fewest, ms: bound } = auditBound(stack.simulator.data, hundred, started);
    started = Date.now();
    await naiveRoleAudit(stack.simulator, hundred);
    const naive = Date.now() - started;
    report.add({
      section: SECTION,
      name: `Real-time check: audit over ${hundred.length} divisions, cold sign-in (${calls} calls, lower bound ${fewest}) vs the naive client`,
      measured: `${(elapsed / 1000).toFixed(2)} s = ${(elapsed / bound).toFixed(2)}× the bound; naive ${(naive / 1000).toFixed(1)} s → ${(naive / elapsed).toFixed(1)}× faster`,
      goal: "≤ 1.25× the bound, ≥ 8× faster",
      met: elapsed <= 1.25 * bound && naive >= 8 * elapsed,
      note: "real clock, real 120 ms latency",
    });
  } finally {
    await stack.close();
  }
}
