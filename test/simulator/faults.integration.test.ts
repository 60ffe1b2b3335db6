/** Fault injection and latency: each fault kind, determinism per seed, and spec validation. */
import { parseFaultSpec } from "../../src/simulator";
import { api, signIn, startTestSimulator, type TestSim, type Tokens } from "../support/simulator";

let t: TestSim;
let tokens: Tokens;
let path: string;
beforeEach(async () => {
  t = await startTestSimulator({ minuteLimit: 10_000, dayLimit: 100_000 });
  tokens = await signIn(t.sim);
  path = `/api/v1/${t.sim.data.divisions[0].code}/system/Divisions?$select=Code`;
});
afterEach(() => t.sim.close());

it.each([
  ["500", "Internal Server Error"],
  ["502", "Bad Gateway"],
  ["503", "Service Unavailable"],
])("answers %s with Exact's error envelope", async (kind, text) => {
  t.sim.setFaults(`${kind}:1`);
  const response = await api(t.sim, tokens.access_token, path);
  expect(response.status).toBe(Number(kind));
  expect(await response.json()).toEqual({ error: { code: "", message: { lang: "", value: text } } });
  expect(t.sim.log.count({ fault: kind })).toBe(1);
});

it("hangs without answering; close() still ends promptly", async () => {
  t.sim.setFaults("hang:1");
  const started = Date.now();
  await expect(
    fetch(`${t.sim.url}${path}`, {
      headers: { Authorization: `Bearer ${tokens.access_token}`, Accept: "application/json" },
      signal: AbortSignal.timeout(300),
    }),
  ).rejects.toThrow();
  expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  expect(t.sim.log.count({ fault: "hang" })).toBe(1);
});

it("sends malformed JSON", async () => {
  t.sim.setFaults("malformed:1");
  const response = await api(t.sim, tokens.access_token, path);
  expect(response.status).toBe(200);
  await expect(response.json()).rejects.toThrow();
});

it("drops the connection", async () => {
  t.sim.setFaults("drop:1");
  await expect(api(t.sim, tokens.access_token, path)).rejects.toThrow();
  expect(t.sim.log.count({ fault: "drop" })).toBe(1);
});

it("answers 401 in the middle of paging only (401mid)", async () => {
  t.sim.setFaults("401mid:1");
  const rolesPath = `/api/v1/${t.sim.data.divisions[0].code}/users/UserRoles?$select=ID`;
  const first = await api(t.sim, tokens.access_token, rolesPath);
  expect(first.status).toBe(200);
  const next = ((await first.json()) as { d: { __next: string } }).d.__next;
  expect((await api(t.sim, tokens.access_token, next)).status).toBe(401);
  t.sim.setFaults(null);
  expect((await api(t.sim, tokens.access_token, next)).status).toBe(200);
});

async function statusSequence(seed: number): Promise<number[]> {
  const sim = await startTestSimulator({ seed, faults: "500:0.2,503:0.2,malformed:0.1", minuteLimit: 1000 });
  try {
    const mine = await signIn(sim.sim);
    const out: number[] = [];
    const route = `/api/v1/${sim.sim.data.divisions[0].code}/system/Divisions?$select=Code`;
    for (let i = 0; i < 40; i++) {
      const response = await api(sim.sim, mine.access_token, route);
      const text = await response.text();
      out.push(response.status === 200 && !text.endsWith("}") ? -1 : response.status);
    }
    return out;
  } finally {
    await sim.sim.close();
  }
}

it("is deterministic for a seed and differs across seeds", async () => {
  const a = await statusSequence(7);
  const b = await statusSequence(7);
  const c = await statusSequence(8);
  expect(a).toEqual(b);
  expect(a).not.toEqual(c);
  expect(a.filter((s) => s === 500).length).toBeGreaterThan(2);
  expect(a.filter((s) => s === 503).length).toBeGreaterThan(2);
  expect(a.filter((s) => s === -1).length).toBeGreaterThan(0);
  expect(a.filter((s) => s === 200).length).toBeGreaterThan(10);
});

it("adds fixed or ranged latency on the simulator's clock", async () => {
  t.sim.setLatency(120);
  let started = t.clock.now();
  await api(t.sim, tokens.access_token, path);
  expect(t.clock.now() - started).toBeGreaterThanOrEqual(120);
  t.sim.setLatency({ min: 20, max: 40 });
  started = t.clock.now();
  await api(t.sim, tokens.access_token, path);
  expect(t.clock.now() - started).toBeGreaterThanOrEqual(20);
  expect(t.clock.now() - started).toBeLessThan(120);
  expect(() => t.sim.setLatency({ min: 5, max: 1 })).toThrow("Latency");
});

it("validates fault specs with clear messages", () => {
  expect(parseFaultSpec("500:0.05,503:0.02,hang:0.01,malformed:0.01,drop:0.01,401mid:0.02")).toHaveLength(6);
  expect(parseFaultSpec("")).toEqual([]);
  expect(() => parseFaultSpec("404:0.1")).toThrow('Unknown fault kind "404"');
  expect(() => parseFaultSpec("500")).toThrow("kind:probability");
  expect(() => parseFaultSpec("500:1.5")).toThrow("from 0 to 1");
  expect(() => parseFaultSpec("500:0.6,503:0.6")).toThrow("must not exceed 1");
});
