/** The result cache is bounded by bytes as well as entries: big answers push out the oldest ones. */
import { VirtualClock } from "../../../src/shared/clock";
import { ResultCache } from "../../../src/gateway/cache/resultCache";
import { measureRows } from "../../../src/gateway/answers/answerSize";

const parts = (division: number) => ({ chainId: "c", resource: "crm/Accounts", division, options: {} });

/** A listing of `rows` records of about 100 bytes each. */
const listing = (rows: number, tag: string) =>
  Array.from({ length: rows }, (_, i) => ({ Code: `${tag}-${i}`, Name: "x".repeat(80) }));

test("kept answers never take more than maxBytes; the least recently used go first", async () => {
  const cache = new ResultCache({
    clock: new VirtualClock(),
    ttlMs: 60_000,
    maxEntries: 1000,
    maxBytes: 10_000,
  });
  const one = measureRows(listing(20, "d0")).bytes;
  // Ten of them take well over the bound.
  expect(one * 10).toBeGreaterThan(1.5 * 10_000);
  for (let division = 0; division < 10; division += 1) {
    await cache.get(parts(division), async () => listing(20, `d${division}`));
    expect(cache.bytes).toBeLessThanOrEqual(10_000);
  }
  expect(cache.size).toBe(Math.floor(10_000 / one));
  // The newest is served from the cache, the oldest was pushed out and is fetched again.
  let loads = 0;
  const load = async () => {
    loads += 1;
    return listing(20, "again");
  };
  expect((await cache.get(parts(9), load)).cached).toBe(true);
  expect((await cache.get(parts(0), load)).cached).toBe(false);
  expect(loads).toBe(1);
});

test("an answer larger than the whole bound is served but not kept", async () => {
  const cache = new ResultCache({
    clock: new VirtualClock(),
    ttlMs: 60_000,
    maxEntries: 1000,
    maxBytes: 10_000,
  });
  const big = listing(200, "big");
  const first = await cache.get(parts(1), async () => big);
  expect(first).toMatchObject({ value: big, cached: false });
  expect(cache.size).toBe(0);
  expect(cache.bytes).toBe(0);
  expect((await cache.get(parts(1), async () => big)).cached).toBe(false);
});
