/**
 * Three gateway instances on one real PostgreSQL (the tests' throwaway server) against one simulator on
 * a virtual clock, requests dealt round-robin: upstream calls ÷ lower bound for one table asked through
 * every instance, 429s under load on one division, and token refreshes per token window.
 */
import crypto from "node:crypto";
import { VirtualClock } from "../src/shared/clock";
import { startSimulator } from "../src/simulator";
import { signInTestUser, startTestGateway, type TestGateway } from "../test/support/gateway";
import { startPostgres, type TestPostgres } from "../test/support/postgres";
import { measureInstanceThroughput } from "./instanceThroughput";
import type { Report } from "./report";

const SECTION = "Three instances on one PostgreSQL (demo data set, round-robin)";
const PAGE = 60;

export async function measureMultiInstance(report: Report): Promise<void> {
  const postgres = await startPostgres();
  try {
    await inProcessInstances(report, postgres);
    await measureInstanceThroughput(report, SECTION, await postgres.createDatabase());
  } finally {
    await postgres.stop();
  }
}

async function inProcessInstances(report: Report, postgres: TestPostgres): Promise<void> {
  const clock = new VirtualClock(Date.UTC(2026, 10, 23, 9, 0, 0));
  const sim = await startSimulator({ seed: 1, autoApprove: true, clock, dataset: "demo" });
  const instances: TestGateway[] = [];
  try {
    const env = {
      EOL_DATABASE_URL: await postgres.createDatabase(),
      EOL_SECRET_KEY: crypto.randomBytes(32).toString("hex"),
      EOL_EXACT_BASE_URL: sim.url,
    };
    for (let i = 0; i < 3; i += 1) instances.push(await startTestGateway(env, { clock, simulator: sim }));
    const { sessionToken, session } = await signInTestUser(instances[0]);
    const division = session.currentDivision!;
    const ask = (index: number, path: string) =>
      fetch(`${instances[index % 3].url}${path}`, {
        headers: { authorization: `Bearer ${sessionToken}` },
      }).then(async (res) => ({ status: res.status, body: (await res.json()) as { rows?: unknown[] } }));

    // One table, asked 9 times (3 rounds over the 3 instances) within the TTL.
    sim.log.reset();
    const usersPath = `/api/v1/users?division=${division}`;
    let rows = 0;
    for (let round = 0; round < 3; round += 1) {
      const answers = await Promise.all([0, 1, 2].map((i) => ask(i, usersPath)));
      rows = answers[0].body.rows?.length ?? 0;
    }
    const usersCalls = sim.log.count({ kind: "api", endpoint: "users/Users" });
    const bound = Math.max(1, Math.ceil(rows / PAGE));
    report.add({
      section: SECTION,
      name: "users of one division asked 9 times through 3 instances: users/Users calls ÷ lower bound",
      measured: `${(usersCalls / bound).toFixed(2)} (${usersCalls} calls, bound ${bound})`,
      goal: "1.00",
      met: usersCalls === bound,
    });

    // 150 distinct calls to one division, round-robin, all at once.
    sim.log.reset();
    const started = clock.now();
    const statuses = await Promise.all(
      Array.from({ length: 150 }, (_, i) =>
        ask(i, `/api/v1/query?resource=users/Users&select=UserID&top=${i + 1}&division=${division}`).then(
          (answer) => answer.status,
        ),
      ),
    );
    const tooMany = sim.log.tooManyRequests();
    report.add({
      section: SECTION,
      name: "150 distinct calls to one division through 3 instances: upstream 429s",
      measured: `${tooMany} (${statuses.filter((s) => s === 200).length}/150 answered, ${((clock.now() - started) / 1000).toFixed(0)} s virtual)`,
      goal: "0",
      met: tooMany === 0,
    });

    // 50 concurrent session checks at 590 s token age, spread over the instances.
    const before = sim.log.tokenCalls("refresh_token");
    clock.advance(590_000);
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        fetch(`${instances[i % 3].url}/auth/session`, {
          headers: { authorization: `Bearer ${sessionToken}` },
        }),
      ),
    );
    const refreshes = sim.log.tokenCalls("refresh_token") - before;
    report.add({
      section: SECTION,
      name: "50 concurrent requests through 3 instances once the access token is due: refreshes",
      measured: String(refreshes),
      goal: "1",
      met: refreshes === 1,
    });
  } finally {
    await Promise.all(instances.map((instance) => instance.close()));
    await sim.close();
  }
}
