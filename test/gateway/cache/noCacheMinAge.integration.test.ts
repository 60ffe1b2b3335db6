/**
 * `Cache-Control: no-cache` honours a minimum age (EOL_NO_CACHE_MIN_AGE_SECONDS): a no-cache request
 * this soon after the last fetch of the same answer gets that fetch's answer, on one gateway and on two
 * instances sharing one real PostgreSQL (where either instance may have made the fetch).
 */
import crypto from "node:crypto";
import { VirtualClock } from "../../../src/shared/clock";
import { startSimulator } from "../../../src/simulator";
import { signInTestUser, buildTestGateway } from "../../support/gateway";
import { startPostgres, type TestPostgres } from "../../support/postgres";
import { callApi } from "../../support/api/callApi";

const MIN_AGE_SECONDS = 10;
const EVERY_MS = 2000;
const ROUNDS = 10;

let postgres: TestPostgres;
beforeAll(async () => {
  postgres = await startPostgres();
}, 90_000);
afterAll(() => postgres?.stop());

test.each([
  ["one gateway (SQLite)", 1, false],
  ["two instances on PostgreSQL, taking turns", 2, true],
])(
  "%s: a no-cache request every 2 s for 20 s costs one fetch per minimum age",
  async (_name, count, shared) => {
    const clock = new VirtualClock();
    const sim = await startSimulator({ clock, dataset: "demo", seed: 1, autoApprove: true });
    const env: Record<string, string> = { EOL_NO_CACHE_MIN_AGE_SECONDS: String(MIN_AGE_SECONDS) };
    if (shared) {
      env.EOL_DATABASE_URL = await postgres.createDatabase();
      env.EOL_SECRET_KEY = crypto.randomBytes(32).toString("hex");
      env.EOL_EXACT_BASE_URL = sim.url;
    }
    const instances = [];
    for (let i = 0; i < count; i += 1) instances.push(await buildTestGateway(env, { clock, simulator: sim }));
    try {
      const { sessionToken, session } = await signInTestUser(instances[0]);
      const path = `/api/v1/query?resource=crm/Accounts&select=ID&division=${session.currentDivision}`;
      sim.log.reset();
      for (let round = 0; round < ROUNDS; round += 1) {
        const answer = await callApi(instances[round % count], sessionToken, path, { noCache: true });
        expect(answer.status).toBe(200);
        clock.advance(EVERY_MS);
      }
      const fetches = sim.log.count({ kind: "api", endpoint: "crm/Accounts" });
      expect(fetches).toBe(Math.ceil((ROUNDS * EVERY_MS) / (MIN_AGE_SECONDS * 1000)));
    } finally {
      await Promise.all(instances.map((instance) => instance.close()));
      await sim.close();
    }
  },
);
