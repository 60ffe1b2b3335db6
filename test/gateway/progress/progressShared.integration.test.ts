/**
 * Two gateway instances on one real PostgreSQL: a fan-out running on one instance reports its progress
 * through the store, so the task pane's poll may reach either instance (as behind a load balancer).
 */
import { defaultGrant } from "../../../src/simulator";
import { signInTestUser } from "../../support/gateway";
import { startSharedInstances, type SharedInstances } from "../../support/sharedInstances";
import { expectSteadyProgress, runWithProgress } from "../../support/api/progress";

let shared: SharedInstances;
beforeAll(async () => {
  shared = await startSharedInstances(
    2,
    { dataset: "accountant-large", seed: 1 },
    { EOL_EXACT_CONCURRENCY: "4" },
  );
}, 120_000);
afterAll(() => shared?.close());

test("progress of a request answered by one instance is seen by polls on the other", async () => {
  const { sim, instances } = shared;
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
