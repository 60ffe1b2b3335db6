/**
 * Gateway overhead on loopback (real clock, no simulated latency): throughput and latency of a cached
 * table request through the gateway vs the same data answered by the simulator directly.
 */
import { load, type LoadResult } from "./load";
import { NAIVE_APP, naiveAccessToken } from "./naiveClient";
import type { Report } from "./report";
import { startBenchStack } from "./stack";

const SECTION = "Gateway overhead (loopback, autocannon, 10 connections, alternating rounds)";
const ROUNDS = 3;
const ROUND_SECONDS = 3;

interface Target {
  url: string;
  headers: Record<string, string>;
}

/**
 * Gateway and simulator take turns (a warm-up each, then ROUNDS rounds of ROUND_SECONDS), so a change in
 * the machine's load during the run touches both sides alike; the figures are over all rounds.
 */
async function sideBySide(gateway: Target, direct: Target): Promise<[LoadResult[], LoadResult[]]> {
  const run = (target: Target, duration: number) => load({ ...target, connections: 10, duration });
  await run(gateway, 1);
  await run(direct, 1);
  const results: [LoadResult[], LoadResult[]] = [[], []];
  for (let round = 0; round < ROUNDS; round += 1) {
    results[0].push(await run(gateway, ROUND_SECONDS));
    results[1].push(await run(direct, ROUND_SECONDS));
  }
  return results;
}

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export async function measureOverhead(report: Report): Promise<void> {
  // Limits lifted so the direct run measures serving, not 429s.
  const stack = await startBenchStack({
    virtual: false,
    simulator: { dataset: "demo", minuteLimit: 1e9, dayLimit: 1e9, apps: [NAIVE_APP] },
  });
  try {
    const me = await stack.get<{ divisions: number[] }>("/api/v1/divisions");
    const division = me.divisions[0];
    const token = await naiveAccessToken(stack.simulator);
    const [gatewayRuns, directRuns] = await sideBySide(
      {
        url: `${stack.gateway.url}/api/v1/divisions`,
        headers: { authorization: `Bearer ${stack.sessionToken}` },
      },
      {
        url: `${stack.simulator.url}/api/v1/${division}/system/Divisions?$select=Code,Description,Hid,Country,Currency,Status,IsMainDivision,CustomerName,BlockingStatus,StartDate`,
        headers: { authorization: `Bearer ${token}`, accept: "application/json" },
      },
    );
    const gatewayRate = mean(gatewayRuns.map((run) => run.requests.average));
    const directRate = mean(directRuns.map((run) => run.requests.average));
    const failures = gatewayRuns.reduce((sum, run) => sum + run.non2xx + run.errors, 0);
    const gatewayP50 = median(gatewayRuns.map((run) => run.latency.p50));
    const directP50 = median(directRuns.map((run) => run.latency.p50));
    report.add({
      section: SECTION,
      name: "Cached /api/v1/divisions through the gateway: throughput",
      measured: `${gatewayRate.toFixed(0)} req/s (${failures} failures)`,
      goal: "≥ 2,000 req/s",
      met: gatewayRate >= 2000 && failures === 0,
    });
    report.add({
      section: SECTION,
      name: "Simulator answering the same divisions directly: throughput, p50 / p99",
      measured: `${directRate.toFixed(0)} req/s, ${directP50} ms / ${median(directRuns.map((run) => run.latency.p99))} ms`,
      goal: "reference",
      met: null,
    });
    const ratio = gatewayRate / directRate;
    report.add({
      section: SECTION,
      name: `Gateway throughput ÷ direct throughput (same run, ${ROUNDS} alternating rounds of ${ROUND_SECONDS} s each)`,
      measured: (Math.floor(ratio * 100) / 100).toFixed(2), // rounded down: 0.797 must not read 0.80
      goal: "≥ 0.80",
      met: ratio >= 0.8,
    });
    report.add({
      section: SECTION,
      name: "Gateway latency p50 / p99",
      measured: `${gatewayP50} ms / ${median(gatewayRuns.map((run) => run.latency.p99))} ms`,
      goal: "tracked",
      met: null,
    });
    const overhead = gatewayP50 - directP50;
    report.add({
      section: SECTION,
      name: "p50 overhead of the gateway (gateway p50 − direct p50)",
      measured: `${overhead} ms`,
      goal: "≤ 2 ms",
      met: overhead <= 2,
    });
  } finally {
    await stack.close();
  }
}
