/**
 * The coordination contract, run against both implementations: in-process, and PostgreSQL (a real
 * server). Whichever one a gateway gets, its consumers see the same behaviour; on PostgreSQL a second
 * instance on the same database also sees what the first one learnt.
 */
import crypto from "node:crypto";
import { VirtualClock } from "../../../src/shared/clock";
import type { Coordination } from "../../../src/gateway/coordination/coordination";
import { InProcessCoordination } from "../../../src/gateway/coordination/inProcess";
import { PostgresCoordination } from "../../../src/gateway/coordination/postgres";
import { SecretBox } from "../../../src/gateway/crypto/secretBox";
import { GatewayError } from "../../../src/gateway/errors";
import { PostgresAuthStore } from "../../../src/gateway/store/postgresStore";
import type { CurrentUser } from "../../../src/gateway/exact/me";
import { startPostgres, type TestPostgres } from "../../support/postgres";

const NOW = Date.UTC(2026, 0, 5, 9);
const MINUTE = 60_000;

let postgres: TestPostgres;
const stores: PostgresAuthStore[] = [];

beforeAll(async () => {
  postgres = await startPostgres();
}, 90_000);
afterAll(async () => {
  await Promise.all(stores.map((store) => store.close()));
  await postgres?.stop();
});

async function postgresStores(count: number): Promise<PostgresAuthStore[]> {
  const url = await postgres.createDatabase();
  const key = new SecretBox(crypto.randomBytes(32));
  const opened: PostgresAuthStore[] = [];
  for (let i = 0; i < count; i += 1) opened.push(await PostgresAuthStore.open(url, key));
  stores.push(...opened);
  return opened;
}

interface Kind {
  name: string;
  open(clock: VirtualClock): Promise<Coordination>;
}

const KINDS: Kind[] = [
  { name: "in-process", open: async (clock) => new InProcessCoordination(clock) },
  {
    name: "PostgreSQL",
    open: async (clock) => new PostgresCoordination((await postgresStores(1))[0], clock),
  },
];

const me = (id: string): CurrentUser => ({
  user: { id, fullName: "Ann", userName: "ann", email: null },
  currentDivision: 7,
});

describe.each(KINDS)("the coordination contract: $name", (kind) => {
  let clock: VirtualClock;
  let coordination: Coordination;
  beforeEach(async () => {
    clock = new VirtualClock(NOW);
    coordination = await kind.open(clock);
  });

  test("the chain lock runs one holder of a chain at a time", async () => {
    const events: string[] = [];
    const hold = (name: string) =>
      coordination.chainLock.withLock("chain-1", async () => {
        events.push(`${name} in`);
        await new Promise((resolve) => setTimeout(resolve, 20));
        events.push(`${name} out`);
        return name;
      });
    expect(await Promise.all([hold("a"), hold("b")])).toEqual(["a", "b"]);
    expect(events).toEqual(["a in", "a out", "b in", "b out"]);
  });

  test("the error ledger counts errors within the window and remembers blocks until they end", async () => {
    const ledger = coordination.errorLedger;
    await ledger.record("k", NOW - 2 * MINUTE);
    await ledger.record("k", NOW - MINUTE);
    await ledger.record("other", NOW);
    expect(await ledger.errorsSince("k", NOW - 90_000)).toEqual([NOW - MINUTE]);
    expect(await ledger.errorsSince("k", 0)).toEqual([NOW - 2 * MINUTE, NOW - MINUTE]);
    await ledger.block("k", NOW + MINUTE);
    expect(await ledger.blockedUntil("k", NOW)).toBe(NOW + MINUTE);
    expect(await ledger.blockedUntil("k", NOW + MINUTE)).toBeNull();
    expect(await ledger.blockedUntil("other", NOW)).toBeNull();
  });

  test("remembered errors come back as the same error until they expire, per chain", async () => {
    const errors = coordination.rememberedErrors;
    const refused = new GatewayError(400, "exact_error", "Exact Online refused the filter Name eq 'x'.");
    await errors.remember("chain-1", "https://exact/a", refused, NOW + MINUTE, NOW);
    await errors.remember("chain-2", "https://exact/a", refused, NOW + MINUTE, NOW);
    const recalled = await errors.recall("chain-1", "https://exact/a", NOW);
    expect(recalled).toBeInstanceOf(GatewayError);
    expect(recalled).toMatchObject({ status: 400, code: "exact_error", message: refused.message });
    expect(await errors.recall("chain-1", "https://exact/b", NOW)).toBeNull();
    expect(await errors.recall("chain-1", "https://exact/a", NOW + MINUTE)).toBeNull();
    await errors.forget("chain-1");
    expect(await errors.recall("chain-1", "https://exact/a", NOW)).toBeNull();
    expect(await errors.recall("chain-2", "https://exact/a", NOW)).not.toBeNull();
  });

  test("the rate budget lets the first call of a budget go", async () => {
    const decision = await coordination.rateBudget.reserve("client|1", 1, NOW, {
      user: "chain-1",
      limit: 10,
    });
    expect(decision).toEqual({ kind: "send" });
  });

  test("the answer cache loads once, serves the kept answer, refetches when fresh, and clears per chain", async () => {
    const cache = coordination.answerCache({ clock, ttlMs: 10 * MINUTE, maxEntries: 100 });
    let loads = 0;
    const load = async () => [{ load: (loads += 1) }];
    const parts = { chainId: "chain-1", resource: "system/Divisions", division: null, options: {} };
    const first = await cache.get(parts, load);
    clock.advance(1000);
    const second = await cache.get(parts, load);
    expect([first.cached, second.cached, second.asOf, second.value]).toEqual([
      false,
      true,
      NOW,
      [{ load: 1 }],
    ]);
    expect((await cache.get(parts, load, true)).value).toEqual([{ load: 2 }]);
    expect(await cache.stats("chain-1")).toMatchObject({ entries: 1 });
    await cache.get({ ...parts, chainId: "chain-2" }, load);
    expect(await cache.clear("chain-1")).toBe(1);
    expect(await cache.stats("chain-1")).toMatchObject({ entries: 0 });
    expect(await cache.stats("chain-2")).toMatchObject({ entries: 1 });
    clock.advance(10 * MINUTE);
    expect((await cache.get(parts, load)).cached).toBe(false);
    expect(loads).toBe(4);
  });

  test("current/Me is read once per chain within its 30 s, also by concurrent checks", async () => {
    let reads = 0;
    const load = async () => {
      reads += 1;
      return me(`user-${reads}`);
    };
    const together = await Promise.all([1, 2, 3].map(() => coordination.currentUsers.read("chain-1", load)));
    expect(together.map((answer) => answer.user.id)).toEqual(["user-1", "user-1", "user-1"]);
    clock.advance(29_000);
    expect((await coordination.currentUsers.read("chain-1", load)).user.id).toBe("user-1");
    clock.advance(1_000);
    expect((await coordination.currentUsers.read("chain-1", load)).user.id).toBe("user-2");
    expect(reads).toBe(2);
  });

  test("the progress board keeps an entry until it expires", async () => {
    const board = coordination.progressBoard;
    const entry = {
      sessionId: "s",
      requestId: "r-12345678",
      table: "users",
      done: 2,
      total: 5,
      finished: false,
    };
    await board.put({ ...entry, expiresAt: NOW + MINUTE });
    expect(await board.get("s", "r-12345678", NOW)).toMatchObject({ done: 2, total: 5 });
    expect(await board.get("other", "r-12345678", NOW)).toBeNull();
    expect(await board.get("s", "r-12345678", NOW + MINUTE)).toBeNull();
    await board.put({ ...entry, expiresAt: NOW + MINUTE });
    await board.delete("s", "r-12345678");
    expect(await board.get("s", "r-12345678", NOW)).toBeNull();
  });
});

describe("two instances on one PostgreSQL", () => {
  test("share remembered errors, current/Me reads, answers and the chain lock", async () => {
    const clock = new VirtualClock(NOW);
    const [first, second] = (await postgresStores(2)).map((store) => new PostgresCoordination(store, clock));
    const refused = new GatewayError(404, "exact_error", "Exact Online does not know crm/Nothing.");
    await first.rememberedErrors.remember("chain-1", "https://exact/n", refused, NOW + MINUTE, NOW);
    expect(await second.rememberedErrors.recall("chain-1", "https://exact/n", NOW)).toMatchObject({
      status: 404,
      message: refused.message,
    });
    let reads = 0;
    const load = async () => me(`user-${(reads += 1)}`);
    await first.currentUsers.read("chain-1", load);
    expect((await second.currentUsers.read("chain-1", load)).user.id).toBe("user-1");
    expect(reads).toBe(1);
    const parts = { chainId: "chain-1", resource: "system/Divisions", division: null, options: {} };
    const settings = { clock, ttlMs: MINUTE, maxEntries: 10 };
    await first.answerCache(settings).get(parts, async () => ["kept"]);
    expect(await second.answerCache(settings).get(parts, async () => ["again"])).toMatchObject({
      value: ["kept"],
      cached: true,
    });
    const events: string[] = [];
    const hold = (coordination: Coordination, name: string) =>
      coordination.chainLock.withLock("chain-1", async () => {
        events.push(`${name} in`);
        await new Promise((resolve) => setTimeout(resolve, 50));
        events.push(`${name} out`);
      });
    await Promise.all([hold(first, "a"), hold(second, "b")]);
    expect([events[0].slice(2), events[1].slice(2)]).toEqual(["in", "out"]);
  });
});
