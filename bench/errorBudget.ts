/**
 * Exact's error block (10 errors an hour per app, user, division and endpoint): the same bad query
 * recalculated 15 times, and 15 different bad queries, against the simulator with its block on —
 * upstream 4xx answers and blocks counted by the simulator's request log.
 */
import type { Report } from "./report";
import { startBenchStack } from "./stack";

const SECTION = "Exact's error block (demo data set, simulator errorBlock on)";

export async function measureErrorBudget(report: Report): Promise<void> {
  const stack = await startBenchStack({ virtual: true, simulator: { dataset: "demo", errorBlock: true } });
  try {
    const division = stack.simulator.data.users.find(
      (u) => u.userId === stack.simulator.data.primaryUserId,
    )!.currentDivision;
    const ask = (select: string) =>
      fetch(`${stack.gateway.url}/api/v1/query?resource=users/Users&select=${select}&division=${division}`, {
        headers: { authorization: `Bearer ${stack.sessionToken}` },
      }).then((res) => res.status);
    const upstream = () => {
      const calls = stack.simulator.log.filter({ kind: "api", endpoint: "users/Users" });
      return {
        errors: calls.filter((call) => call.status >= 400 && call.status !== 429).length,
        blocks: calls.filter((call) => call.status === 429).length,
      };
    };

    stack.simulator.log.reset();
    for (let i = 0; i < 15; i++) await ask("NoSuchField");
    const repeated = upstream();
    report.add({
      section: SECTION,
      name: "15 identical bad queries (a bad formula recalculated)",
      measured: `${repeated.errors} upstream 4xx, ${repeated.blocks} blocks`,
      goal: "≤ 1 upstream 4xx, 0 blocks",
      met: repeated.errors <= 1 && repeated.blocks === 0,
    });

    stack.simulator.log.reset();
    const statuses: number[] = [];
    for (let i = 0; i < 15; i++) statuses.push(await ask(`Bad${i}`));
    const different = upstream();
    report.add({
      section: SECTION,
      name: "15 different bad queries to one endpoint and division",
      measured: `${different.errors} upstream 4xx, ${different.blocks} blocks, ${statuses.filter((s) => s === 429).length} refused locally`,
      goal: "< 10 upstream 4xx (Exact blocks at 10), 0 blocks",
      met: different.errors < 10 && different.blocks === 0,
    });
  } finally {
    await stack.close();
  }
}
