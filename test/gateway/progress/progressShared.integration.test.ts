/**
 * Two gateway instances on one real PostgreSQL: a fan-out running on one instance reports its progress
 * through the store, so the task pane's poll may reach either instance (as behind a load balancer).
 */
import crypto from "node:crypto";
import { VirtualClock } from "../../../src/shared/clock";
import { defaultGrant, startSimulator, type RunningSimulator } from "../../../src/simulator";
import { signInTestUser, buildTestGateway, type TestGateway } from "../../support/gateway";
import { startPostgres, type TestPostgres } from "../../support/postgres";
import { expectSteadyProgress, runWithProgress } from "../../support/api/progress";

let postgres: TestPostgres;
let sim: RunningSimulator;
const instances: TestGateway[] = [];

beforeAll(async () => {
  postgres = await startPostgres();
  const clock = new VirtualClock();
  sim = await startSimulator({ clock, dataset: "accountant-large", seed: 1, autoApprove: true });
  const env = {
    EOL_DATABASE_URL: await postgres.createDatabase(),
    EOL_SECRET_KEY: crypto.randomBytes(32).toString("hex"),
    EOL_EXACT_BASE_URL: sim.url,
    EOL_EXACT_CONCURRENCY: "4",
  };
  for (let i = 0; i < 2; i += 1) instances.push(await buildTestGateway(env, { clock, simulator: sim }));
}, 120_000);
afterAll(async () => {
  await Promise.all(instances.map((instance) => instance.close()));
  await sim?.close();
  await postgres?.stop();
});

test("progress of a request answered by one instance is seen by polls on the other", async () => {
  const { sessionToken } = await signInTestUser(instances[0]);
  const blocked = new Set(sim.data.divisions.filter((d) => d.blockingStatus !== 0).map((d) => d.code));
  const chosen = defaultGrant(sim.data, sim.data.primaryUserId)
    .filter((code) => !blocked.has(code))
    .slice(0, 150);
  sim.setLatency(25);
  const run = await runWithProgress(
    instances[0],
    instances[1],
    sessionToken,
    `/api/v1/user-roles?divisions=${chosen.join(",")}`,
  );
  expect(run.status).toBe(200);
  expectSteadyProgress(run, "user-roles", chosen.length);
}, 60_000);
