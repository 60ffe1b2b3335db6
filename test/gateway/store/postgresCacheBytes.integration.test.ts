/**
 * The result cache several instances share in PostgreSQL is bounded by bytes too (EOL_CACHE_MAX_BYTES):
 * storing an answer drops the oldest beyond the bound, and an answer larger than the bound is served but
 * never stored. Real PostgreSQL (embedded), the store as the gateway opens it.
 */
import crypto from "node:crypto";
import { SecretBox } from "../../../src/gateway/crypto/secretBox";
import { PostgresAuthStore } from "../../../src/gateway/store/postgresStore";
import { startPostgres, type TestPostgres } from "../../support/postgres";

let postgres: TestPostgres;
let store: PostgresAuthStore;

beforeAll(async () => {
  postgres = await startPostgres();
  store = await PostgresAuthStore.open(
    await postgres.createDatabase(),
    new SecretBox(crypto.randomBytes(32)),
  );
}, 90_000);
afterAll(async () => {
  await store?.close();
  await postgres?.stop();
});

const MAX_BYTES = 20_000;
const answer = (tag: string) =>
  Array.from({ length: 40 }, (_, i) => ({ Code: `${tag}-${i}`, Name: "x".repeat(80) }));

test("the stored answers stay within maxBytes, the oldest going first; a larger answer is not stored", async () => {
  let clock = 1_000_000;
  const options = () => ({ now: () => (clock += 1000), ttlMs: 600_000, fresh: false, maxBytes: MAX_BYTES });
  const cache = store.resultCache;
  for (let i = 0; i < 10; i += 1) {
    await cache.getOrLoad(`key-${i}`, "chain", async () => answer(`a${i}`), options());
    expect(await cache.bytes()).toBeLessThanOrEqual(MAX_BYTES);
  }
  const loaded: string[] = [];
  const load = (name: string) => async () => {
    loaded.push(name);
    return answer(name);
  };
  // The newest is served from the store; the oldest was dropped and is loaded again.
  expect((await cache.getOrLoad("key-9", "chain", load("key-9"), options())).hit).toBe(true);
  expect((await cache.getOrLoad("key-0", "chain", load("key-0"), options())).hit).toBe(false);
  expect(loaded).toEqual(["key-0"]);

  const huge = Array.from({ length: 1000 }, (_, i) => ({ Code: `big-${i}`, Name: "y".repeat(80) }));
  const first = await cache.getOrLoad("huge", "chain", async () => huge, options());
  expect(first).toMatchObject({ hit: false, value: huge });
  expect((await cache.getOrLoad("huge", "chain", async () => huge, options())).hit).toBe(false);
  expect(await cache.bytes()).toBeLessThanOrEqual(MAX_BYTES);
});
