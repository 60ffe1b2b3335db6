/**
 * The error budget's ledger contract: gateways sharing one ledger (one in memory, or each its own
 * connection to one real PostgreSQL) share the error count and Exact's blocks, while remembered
 * answers stay per gateway and per chain.
 */
import crypto from "node:crypto";
import { VirtualClock } from "../../src/shared/clock";
import { GatewayError } from "../../src/gateway/errors";
import { SecretBox } from "../../src/gateway/crypto/secretBox";
import { ErrorBudget, MemoryErrorLedger, type ErrorScope } from "../../src/gateway/exact/errorBudget";
import { PostgresAuthStore } from "../../src/gateway/store/postgresStore";
import type { ErrorLedger } from "../../src/gateway/store/types";
import { startPostgres, type TestPostgres } from "../support/postgres";

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
