/**
 * Three gateway instances on one real PostgreSQL, as behind a load balancer: what one instance learnt
 * from Exact serves the others. A bad formula recalculated 15 times costs one upstream 4xx in all (the
 * remembered error is shared, not one per instance), and 60 session checks cost one current/Me read.
 */
import { signInTestUser } from "../../support/gateway";
import { startSharedInstances, type SharedInstances } from "../../support/sharedInstances";
import { callApi } from "../../support/api/callApi";

let shared: SharedInstances;
beforeAll(async () => {
  shared = await startSharedInstances(3, { dataset: "demo", seed: 1, errorBlock: true });
}, 120_000);
afterAll(() => shared?.close());

test("a bad QUERY recalculated 15 times over three instances: one upstream 4xx, the same error each time", async () => {
  const { sim, instances } = shared;
  const { sessionToken, session } = await signInTestUser(instances[0]);
  sim.log.reset();
  const path = `/api/v1/query?resource=system/Divisions&select=NoSuchField&division=${session.currentDivision}`;
  const answers = [];
  for (let i = 0; i < 15; i += 1) answers.push(await callApi(instances[i % 3], sessionToken, path));
  expect(new Set(answers.map((answer) => answer.status))).toEqual(new Set([400]));
  expect(new Set(answers.map((answer) => JSON.stringify(answer.body.error)))).toHaveProperty("size", 1);
  const upstream = sim.log
    .filter({ kind: "api", endpoint: "system/Divisions" })
    .filter((c) => c.status >= 400);
  expect(upstream).toHaveLength(1);
});

test("60 session checks over three instances: one current/Me read", async () => {
  const { sim, instances } = shared;
  const { sessionToken } = await signInTestUser(instances[1]);
  sim.log.reset();
  for (let i = 0; i < 60; i += 1) {
    const instance = instances[i % 3];
    const res = await instance.fetch(`${instance.url}/auth/session`, {
      headers: { authorization: `Bearer ${sessionToken}` },
    });
    expect(res.status).toBe(200);
  }
  expect(sim.log.filter({ kind: "api", endpoint: "current/Me" })).toHaveLength(1);
});
