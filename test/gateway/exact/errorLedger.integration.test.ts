/**
 * The error budget's ledger contract: gateways sharing one ledger (one in memory, or each its own
 * connection to one real PostgreSQL) share the error count and Exact's blocks, while remembered
 * answers stay per gateway and per chain.
 */
import crypto from "node:crypto";
import { VirtualClock } from "../../../src/shared/clock";
import { GatewayError } from "../../../src/gateway/errors";
import { SecretBox } from "../../../src/gateway/crypto/secretBox";
import { ErrorBudget, MemoryErrorLedger, type ErrorScope } from "../../../src/gateway/exact/errorBudget";
import { PostgresAuthStore } from "../../../src/gateway/store/postgresStore";
import type { ErrorLedger } from "../../../src/gateway/store/types";
import { MAX_LEDGER_KEYS } from "../../../src/gateway/exact/memoryErrorLedger";
import { startPostgres, type TestPostgres } from "../../support/postgres";

const scope = (url: string, division = 7): ErrorScope => ({
  chainId: "chain-1",
  division,
  endpoint: "crm/Accounts",
  url,
});
const bad = new GatewayError(400, "exact_error", "Exact Online: bad field");

let postgres: TestPostgres;
beforeAll(async () => {
  postgres = await startPostgres();
}, 90_000);
afterAll(() => postgres?.stop());

/** Two gateways' ledgers, and how to let go of them. */
type LedgerPair = { ledgers: [ErrorLedger, ErrorLedger]; close(): Promise<void> };

const inMemory = async (): Promise<LedgerPair> => {
  const ledger = new MemoryErrorLedger();
  return { ledgers: [ledger, ledger], close: async () => undefined };
};

const onPostgres = async (): Promise<LedgerPair> => {
  const url = await postgres.createDatabase();
  const key = new SecretBox(crypto.randomBytes(32));
  const stores = [await PostgresAuthStore.open(url, key), await PostgresAuthStore.open(url, key)];
  return {
    ledgers: [stores[0].errorLedger, stores[1].errorLedger],
    close: async () => void (await Promise.all(stores.map((store) => store.close()))),
  };
};

test.each([
  ["one ledger in memory", inMemory],
  ["two connections to PostgreSQL", onPostgres],
])("two gateways on %s stop together at the limit, and both honour a block", async (_name, open) => {
  const clock = new VirtualClock();
  const pair = await open();
  const first = new ErrorBudget({ clock, ledger: pair.ledgers[0] });
  const second = new ErrorBudget({ clock, ledger: pair.ledgers[1] });
  for (let i = 0; i < 5; i += 1) await first.failed(scope(`u${i}`), 400, bad);
  await expect(second.check(scope("fresh"))).rejects.toMatchObject({
    code: "error_limit_reached",
    status: 429,
  });
  // Another division (or endpoint) has its own count.
  await expect(second.check(scope("fresh", 8))).resolves.toBeUndefined();
  await first.blocked(scope("x", 8), clock.now() + 60_000);
  await expect(second.check(scope("y", 8))).rejects.toMatchObject({ code: "exact_blocked" });
  clock.advance(60_001);
  await expect(second.check(scope("y", 8))).resolves.toBeUndefined();
  // Errors leave the window after an hour.
  clock.advance(3_600_000);
  await expect(second.check(scope("fresh"))).resolves.toBeUndefined();
  await pair.close();
});

test("a remembered answer expires after 10 minutes and is forgotten by forget(chain)", async () => {
  const clock = new VirtualClock();
  const budget = new ErrorBudget({ clock });
  await budget.failed(scope("same"), 400, bad);
  await expect(budget.check(scope("same"))).rejects.toBe(bad);
  budget.forget("chain-1");
  await expect(budget.check(scope("same"))).resolves.toBeUndefined();
  await budget.failed(scope("same"), 400, bad);
  clock.advance(10 * 60_000);
  await expect(budget.check(scope("same"))).resolves.toBeUndefined();
  // 5xx and 429 are not Exact's block-counted errors.
  for (let i = 0; i < 10; i += 1) await budget.failed(scope(`t${i}`), 503, null);
  await expect(budget.check(scope("other"))).resolves.toBeUndefined();
});

const onEndpoint = (endpoint: string, origin: "query" | "builtin", division = 7): ErrorScope => ({
  chainId: "chain-1",
  division,
  endpoint,
  url: `${endpoint}?${origin}`,
  origin,
});

test.each([
  ["one ledger in memory", inMemory],
  ["two connections to PostgreSQL", onPostgres],
])(
  "on %s: QUERY's errors use only their part; the built-ins keep the rest, per endpoint and per division",
  async (_name, open) => {
    const clock = new VirtualClock();
    const pair = await open();
    const first = new ErrorBudget({ clock, ledger: pair.ledgers[0], divisionLimit: 10 });
    const second = new ErrorBudget({ clock, ledger: pair.ledgers[1], divisionLimit: 10 });
    // Three QUERY errors on one endpoint (3 of its 5): the next QUERY there is refused, a built-in is not.
    for (let i = 0; i < 3; i += 1) await first.failed(onEndpoint("system/Divisions", "query"), 400, null);
    await expect(second.check(onEndpoint("system/Divisions", "query"))).rejects.toMatchObject({
      code: "error_limit_reached",
      message: expect.stringContaining("QUERYs to system/Divisions in division 7"),
    });
    await expect(second.check(onEndpoint("system/Divisions", "builtin"))).resolves.toBeUndefined();
    // Across endpoints: QUERY may use 6 of the division's 10, whatever the resource names.
    for (let i = 0; i < 3; i += 1)
      await first.failed(onEndpoint(`nosuch/Thing${"abc"[i]}`, "query"), 404, null);
    await expect(second.check(onEndpoint("crm/Accounts", "query"))).rejects.toMatchObject({
      message: expect.stringContaining("QUERYs to division 7"),
    });
    await expect(second.check(onEndpoint("crm/Accounts", "builtin"))).resolves.toBeUndefined();
    // The built-ins' own errors reach the division's ceiling: then everything in it waits, nothing elsewhere.
    for (let i = 0; i < 4; i += 1)
      await first.failed(onEndpoint(`users/Users${"abcd"[i]}`, "builtin"), 403, null);
    await expect(second.check(onEndpoint("crm/Accounts", "builtin"))).rejects.toMatchObject({
      message: expect.stringContaining("10 of your calls in division 7"),
    });
    await expect(second.check(onEndpoint("crm/Accounts", "builtin", 8))).resolves.toBeUndefined();
    await pair.close();
  },
);

test("exactCounts 'division': a block Exact imposes on one endpoint stops the whole division", async () => {
  const clock = new VirtualClock();
  const budget = new ErrorBudget({ clock, exactCounts: "division" });
  await budget.blocked(onEndpoint("crm/Accounts", "builtin"), clock.now() + 60_000);
  await expect(budget.check(onEndpoint("users/Users", "builtin"))).rejects.toMatchObject({
    code: "exact_blocked",
  });
  const perEndpoint = new ErrorBudget({ clock });
  await perEndpoint.blocked(onEndpoint("crm/Accounts", "builtin"), clock.now() + 60_000);
  await expect(perEndpoint.check(onEndpoint("users/Users", "builtin"))).resolves.toBeUndefined();
});

test("15,000 different unknown resources: the in-memory ledger stays bounded", async () => {
  const clock = new VirtualClock();
  const ledger = new MemoryErrorLedger(clock);
  const budget = new ErrorBudget({ clock, ledger, divisionLimit: 100 });
  for (let i = 0; i < 15_000; i += 1) {
    const scope = {
      ...onEndpoint(`nosuch/T${i.toString(36).replace(/\d/g, "x")}`, "query", i),
      url: `u${i}`,
    };
    await budget.failed(scope, 404, bad);
  }
  // Four counters per error (endpoint, division, and QUERY's part of each): far more keys than kept.
  expect(ledger.size).toBe(MAX_LEDGER_KEYS);
});
