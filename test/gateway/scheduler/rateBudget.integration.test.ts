/**
 * The rate budget shared through a real PostgreSQL: three instances (three pools on one database)
 * reserving at once never take more than the minute allows, Exact's headers lower what is left, a spent
 * minute comes back at its reset (at the latest 61 s on), and a spent day refuses until its reset.
 */
import crypto from "node:crypto";
import pg from "pg";
import { SecretBox } from "../../../src/gateway/crypto/secretBox";
import { PostgresAuthStore } from "../../../src/gateway/store/postgresStore";
import { PostgresRateBudget } from "../../../src/gateway/store/postgresRateBudget";
import type { RateLimitSnapshot } from "../../../src/gateway/scheduler/rateLimitHeaders";
import { startPostgres, type TestPostgres } from "../../support/postgres";

let postgres: TestPostgres;
let pools: pg.Pool[];
let budgets: PostgresRateBudget[];

beforeAll(async () => {
  postgres = await startPostgres();
}, 90_000);
afterAll(() => postgres?.stop());

beforeEach(async () => {
  const url = await postgres.createDatabase();
  pools = [0, 1, 2].map(() => new pg.Pool({ connectionString: url }));
  // An idle connection ended by the server's shutdown is not a test failure (queries still fail loudly).
  for (const pool of pools) pool.on("error", () => undefined);
  // Opening the store once migrates the database.
  await (await PostgresAuthStore.open(url, new SecretBox(crypto.randomBytes(32)))).close();
  budgets = pools.map((pool) => new PostgresRateBudget(pool));
});
afterEach(async () => {
  await Promise.all(pools.map((pool) => pool.end()));
});

const T0 = Date.UTC(2026, 10, 23, 9, 0, 0);
const KEY = "client|42";
const headers = (overrides: Partial<RateLimitSnapshot>): RateLimitSnapshot => ({
  dayLimit: null,
  dayRemaining: null,
  dayResetAt: null,
  minuteLimit: null,
  minuteRemaining: null,
  minuteResetAt: null,
  ...overrides,
});

async function reserveMany(count: number, now: number): Promise<string[]> {
  const decisions = await Promise.all(
    Array.from({ length: count }, (_, i) => budgets[i % budgets.length].reserve(KEY, 42, now)),
  );
  return decisions.map((decision) => decision.kind);
}

test("100 concurrent reservations from three instances: exactly 60 are granted in a minute", async () => {
  await budgets[0].learn(
    KEY,
    42,
    headers({ minuteLimit: 60, minuteRemaining: 60, minuteResetAt: T0 + 60_000 }),
    T0,
  );
  const kinds = await reserveMany(100, T0);
  expect(kinds.filter((kind) => kind === "send")).toHaveLength(60);
  expect(kinds.filter((kind) => kind === "wait")).toHaveLength(40);
  const waiting = await budgets[1].reserve(KEY, 42, T0 + 1000);
  expect(waiting).toEqual({ kind: "wait", until: T0 + 60_000 });
  // After the reset a fresh minute is granted again.
  expect(await reserveMany(10, T0 + 60_000)).toEqual(Array(10).fill("send"));
});

test("Exact's headers lower what is left (other apps of the client ID), never raise it within a window", async () => {
  await budgets[0].learn(
    KEY,
    42,
    headers({ minuteLimit: 60, minuteRemaining: 5, minuteResetAt: T0 + 30_000 }),
    T0,
  );
  await budgets[1].learn(
    KEY,
    42,
    headers({ minuteLimit: 60, minuteRemaining: 50, minuteResetAt: T0 + 30_000 }),
    T0,
  );
  const kinds = await reserveMany(10, T0);
  expect(kinds.filter((kind) => kind === "send")).toHaveLength(5);
});

test("a 429 for the minute spends it until the reset, at the latest 61 s on; a spent day refuses", async () => {
  await budgets[2].markMinuteSpent(KEY, 42, T0 + 3600_000, T0); // a skewed reset far ahead
  expect(await budgets[0].reserve(KEY, 42, T0)).toEqual({ kind: "wait", until: T0 + 61_000 });
  expect((await budgets[0].reserve(KEY, 42, T0 + 61_000)).kind).toBe("send");
  await budgets[1].markDaySpent(KEY, 42, T0 + 86_400_000);
  expect(await budgets[2].reserve(KEY, 42, T0 + 62_000)).toEqual({
    kind: "dayExhausted",
    resetAt: T0 + 86_400_000,
  });
  // Another division has its own row.
  expect((await budgets[2].reserve("client|43", 43, T0 + 62_000)).kind).toBe("send");
});
