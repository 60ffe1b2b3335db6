/**
 * The error allowance on two gateway instances sharing one real PostgreSQL: a user's bad QUERYs dealt
 * over both instances are counted once, QUERY's part stops them on either instance, and the built-in
 * functions keep answering on both.
 */
import crypto from "node:crypto";
import { VirtualClock } from "../../../src/shared/clock";
import { startSimulator } from "../../../src/simulator";
import { DEFAULT_ERROR_LIMIT, QUERY_SHARE } from "../../../src/gateway/exact/errorBudget";
import { signInTestUser, buildTestGateway } from "../../support/gateway";
import { startPostgres, type TestPostgres } from "../../support/postgres";
import { callApi } from "../../support/api/callApi";

let postgres: TestPostgres;
beforeAll(async () => {
  postgres = await startPostgres();
}, 90_000);
afterAll(() => postgres?.stop());

test("five bad QUERYs on system/Divisions over two instances: three reach Exact, DIVISIONS answers on both", async () => {
  const clock = new VirtualClock();
  const sim = await startSimulator({ clock, dataset: "demo", seed: 1, autoApprove: true, errorBlock: true });
  const env = {
    EOL_DATABASE_URL: await postgres.createDatabase(),
    EOL_SECRET_KEY: crypto.randomBytes(32).toString("hex"),
    EOL_EXACT_BASE_URL: sim.url,
  };
  const instances = [
    await buildTestGateway(env, { clock, simulator: sim }),
    await buildTestGateway(env, { clock, simulator: sim }),
  ];
  try {
    const { sessionToken, session } = await signInTestUser(instances[0]);
    const division = session.currentDivision!;
    sim.log.reset();
    const codes: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const path = `/api/v1/query?resource=system/Divisions&select=NoSuchField${i}&division=${division}`;
      codes.push((await callApi(instances[i % 2], sessionToken, path)).body.error?.code ?? "ok");
    }
    const allowed = Math.floor(DEFAULT_ERROR_LIMIT * QUERY_SHARE);
    expect(codes).toEqual([
      ...Array(allowed).fill("exact_error"),
      ...Array(5 - allowed).fill("error_limit_reached"),
    ]);
    const upstream = sim.log
      .filter({ kind: "api", endpoint: "system/Divisions" })
      .filter((c) => c.status >= 400);
    expect(upstream).toHaveLength(allowed);
    for (const instance of instances) {
      const divisions = await callApi(instance, sessionToken, "/api/v1/divisions", { noCache: true });
      expect(divisions.status).toBe(200);
      const holders = await callApi(instance, sessionToken, "/api/v1/role-holders?roles=274", {
        noCache: true,
      });
      expect(holders.status).toBe(200);
    }
  } finally {
    await Promise.all(instances.map((instance) => instance.close()));
    await sim.close();
  }
});
