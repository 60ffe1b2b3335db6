import { VirtualClock } from "../../../src/shared/clock";
import { ResultCache, cacheKey } from "../../../src/gateway/cache/resultCache";

const parts = (chainId: string, division = 1) => ({
  chainId,
  resource: "users/Users",
  division,
  options: { $select: "A" },
});

describe("ResultCache", () => {
  it("serves within the TTL with the original asOf, refetches after it", async () => {
    const clock = new VirtualClock();
    const cache = new ResultCache({ clock, ttlMs: 300_000, maxEntries: 10 });
    let loads = 0;
    const load = async () => ++loads;
    const first = await cache.get(parts("c"), load);
    expect(first).toEqual({ value: 1, asOf: clock.now(), cached: false });
    clock.advance(299_000);
    expect(await cache.get(parts("c"), load)).toEqual({ value: 1, asOf: first.asOf, cached: true });
    clock.advance(1_000);
    expect(await cache.get(parts("c"), load)).toMatchObject({ value: 2, cached: false });
  });

  it("coalesces identical in-flight requests into one load", async () => {
    const cache = new ResultCache({ clock: new VirtualClock(), ttlMs: 1000, maxEntries: 10 });
    let loads = 0;
    const load = () => new Promise<number>((resolve) => setTimeout(() => resolve(++loads), 5));
    const results = await Promise.all(Array.from({ length: 20 }, () => cache.get(parts("c"), load)));
    expect(loads).toBe(1);
    expect(results.every((result) => result.value === 1)).toBe(true);
  });

  it("bypasses and refreshes on fresh, and does not keep failures", async () => {
    const cache = new ResultCache({ clock: new VirtualClock(), ttlMs: 1000, maxEntries: 10 });
    await cache.get(parts("c"), async () => "old");
    expect((await cache.get(parts("c"), async () => "new", true)).value).toBe("new");
    expect((await cache.get(parts("c"), async () => "unused")).value).toBe("new");
    await expect(cache.get(parts("c", 2), () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect((await cache.get(parts("c", 2), async () => "retry")).value).toBe("retry");
  });

  it("clears only one chain's entries and reports their ages", async () => {
    const clock = new VirtualClock();
    const cache = new ResultCache({ clock, ttlMs: 10_000, maxEntries: 10 });
    await cache.get(parts("a", 1), async () => 1);
    clock.advance(1000);
    await cache.get(parts("a", 2), async () => 2);
    await cache.get(parts("b", 1), async () => 3);
    expect(cache.statsFor("a")).toEqual({
      entries: 2,
      oldestAsOf: clock.now() - 1000,
      newestAsOf: clock.now(),
    });
    expect(cache.clearChain("a")).toBe(2);
    expect(cache.statsFor("a").entries).toBe(0);
    expect(cache.statsFor("b").entries).toBe(1);
  });

  it("evicts the least recently used entry beyond its bound", async () => {
    const cache = new ResultCache({ clock: new VirtualClock(), ttlMs: 10_000, maxEntries: 2 });
    await cache.get(parts("c", 1), async () => 1);
    await cache.get(parts("c", 2), async () => 2);
    await cache.get(parts("c", 1), async () => -1); // touch 1
    await cache.get(parts("c", 3), async () => 3); // evicts 2
    expect(cache.size).toBe(2);
    expect((await cache.get(parts("c", 1), async () => -1)).value).toBe(1);
    expect((await cache.get(parts("c", 2), async () => 22)).value).toBe(22);
  });

  it("keys by every part, ignoring option order and absent options", () => {
    const base = { chainId: "c", resource: "r", division: 1 };
    expect(cacheKey({ ...base, options: { a: "1", b: "2", c: undefined } })).toBe(
      cacheKey({ ...base, options: { b: "2", a: "1" } }),
    );
    expect(cacheKey({ ...base, options: { a: "1" } })).not.toBe(
      cacheKey({ ...base, division: 2, options: { a: "1" } }),
    );
    expect(cacheKey({ ...base, options: {} })).not.toBe(cacheKey({ ...base, chainId: "d", options: {} }));
  });
});
