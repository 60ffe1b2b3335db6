/**
 * Gateway overhead on loopback (real clock, no simulated latency): throughput and latency of a cached
 * table request through the gateway vs the same data answered by the simulator directly.
 */
import { createRequire } from "node:module";
import { NAIVE_APP, naiveAccessToken } from "./naiveClient";
import type { Report } from "./report";
import { startBenchStack } from "./stack";

interface LoadResult {
  requests: { average: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
}
// autocannon ships no types; this is the part of its result we read.
const autocannon = createRequire(__filename)("autocannon") as (options: {
  url: string;
  connections: number;
  duration: number;
  headers: Record<string, string>;
}) => Promise<LoadResult>;

const SECTION = "Gateway overhead (loopback, autocannon, 10 connections × 5 s)";

export async function measureOverhead(report: Report): Promise<void> {
  // Limits lifted so the direct run measures serving, not 429s.
  const stack = await startBenchStack({
    virtual: false,
    simulator: { dataset: "demo", minuteLimit: 1e9, dayLimit: 1e9, apps: [NAIVE_APP] },
  });
  try {
    const me = await stack.get<{ divisions: number[] }>("/api/v1/divisions");
    const division = me.divisions[0];
    const gateway = await autocannon({
      url: `${stack.gateway.url}/api/v1/divisions`,
      connections: 10,
      duration: 5,
      headers: { authorization: `Bearer ${stack.sessionToken}` },
    });
    const token = await naiveAccessToken(stack.simulator);
    const direct = await autocannon({
      url: `${stack.simulator.url}/api/v1/${division}/system/Divisions?$select=Code,Description,Hid,Country,Currency,Status,IsMainDivision,CustomerName,BlockingStatus,StartDate`,
      connections: 10,
      duration: 5,
      headers: { authorization: `Bearer ${token}`, accept: "application/json" },
    });
    report.add({
      section: SECTION,
      name: "Cached /api/v1/divisions through the gateway: throughput",
      measured: `${gateway.requests.average.toFixed(0)} req/s (${gateway.non2xx + gateway.errors} failures)`,
      goal: "≥ 2,000 req/s",
      met: gateway.requests.average >= 2000 && gateway.non2xx + gateway.errors === 0,
    });
    report.add({
      section: SECTION,
      name: "Gateway latency p50 / p99",
      measured: `${gateway.latency.p50} ms / ${gateway.latency.p99} ms`,
      goal: "tracked",
      met: null,
    });
    report.add({
      section: SECTION,
      name: "Simulator answering the same divisions directly: throughput, p50 / p99",
      measured: `${direct.requests.average.toFixed(0)} req/s, ${direct.latency.p50} ms / ${direct.latency.p99} ms`,
      goal: "reference",
      met: null,
    });
    const overhead = gateway.latency.p50 - direct.latency.p50;
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
