/**
 * Fair shares inside one division, through the real gateway against the simulator: one user looping
 * 20 concurrent no-cache requests cannot make another user's fresh call on the same division wait
 * behind them, and repeated no-cache requests for the same answer share one fetch per minimum age.
 */
import { VirtualClock } from "../../../src/shared/clock";
import { startSimulator, type RunningSimulator } from "../../../src/simulator";
import { DEFAULT_SHARING } from "../../../src/gateway/config/sharing";
import { signInTestUser, buildTestGateway, type TestGateway } from "../../support/gateway";
import { callApi } from "../../support/api/callApi";

const LATENCY_MS = 1000;
const CONCURRENCY = 4;
const LOOPS = 20;
/** Real time the virtual clock waits before jumping to the next wake-up: far above a request's trip. */
const SETTLE_MS = 250;

interface Rig {
  clock: VirtualClock;
  sim: RunningSimulator;
  gateway: TestGateway;
  looper: string;
  other: string;
  otherUserId: string;
  division: number;
  close(): Promise<void>;
}

async function rig(clock: VirtualClock, latencyMs: number): Promise<Rig> {
  const sim = await startSimulator({ clock, dataset: "demo", seed: 1, autoApprove: true, latencyMs });
  const gateway = await buildTestGateway(
    { EOL_EXACT_CONCURRENCY: String(CONCURRENCY) },
    { clock, simulator: sim },
  );
  const looper = await signInTestUser(gateway);
  const division = looper.session.currentDivision!;
  const colleague = sim.data.users.find(
    (user) =>
      user.userId !== sim.data.primaryUserId && user.endDate === null && user.divisions.includes(division),
  )!;
  const other = await signInTestUser(gateway, { userId: colleague.userId });
  const close = async () => {
    await gateway.close();
    await sim.close();
  };
  return {
    clock,
    sim,
    gateway,
    looper: looper.sessionToken,
    other: other.sessionToken,
    otherUserId: colleague.userId,
    division,
    close,
  };
}

describe("one user's no-cache loop and another user's fresh call", () => {
  let r: Rig;
  beforeAll(async () => {
    r = await rig(new VirtualClock(Date.UTC(2026, 10, 23, 9, 0, 0), SETTLE_MS), LATENCY_MS);
  });
  afterAll(() => r.close());

  it("the other user's call waits at most one round of calls in flight per call, not behind the loop", async () => {
    const users = `/api/v1/users?division=${r.division}`;
    // Both users' division access and session checks are warm, as in a workbook already open.
    expect((await callApi(r.gateway, r.other, users)).status).toBe(200);
    const loopPath = (n: number) =>
      `/api/v1/query?resource=crm/Accounts&select=ID&top=${n + 1}&division=${r.division}`;
    expect((await callApi(r.gateway, r.looper, loopPath(999))).status).toBe(200);
    // Past the no-cache minimum age, so the other user's no-cache call goes to Exact.
    r.clock.advance(DEFAULT_SHARING.noCacheMinAgeSeconds * 1000);

    // 20 concurrent loops, each request a different answer (so none is shared): 40 calls, under the
    // looping user's share of the minute (the reserve is the scheduler test's subject).
    let sent = 0;
    const loop = async () => {
      for (let i = 0; i < 2; i += 1) await callApi(r.gateway, r.looper, loopPath(sent++), { noCache: true });
    };
    const loops = Array.from({ length: LOOPS }, loop);
    const accounts = () => r.sim.log.count({ kind: "api", endpoint: "crm/Accounts" });
    const before = accounts();
    while (accounts() < before + CONCURRENCY) await new Promise((resolve) => setTimeout(resolve, 5));

    r.sim.log.reset();
    const asked = r.clock.now();
    const answering = callApi(r.gateway, r.other, users, { noCache: true }).then((answer) => ({
      answer,
      waited: r.clock.now() - asked,
    }));
    // The loops are awaited too, so nothing of them outlives the test.
    const [{ answer, waited }] = await Promise.all([answering, ...loops]);
    expect(answer.status).toBe(200);
    const calls = r.sim.log.count({ kind: "api", userId: r.otherUserId });
    expect(calls).toBeGreaterThanOrEqual(1);
    // Per call: the round in flight when it asks (its turn comes at the next free slot, since users
    // waiting on one division are served in turn) and its own call; plus one round the clock may move
    // while the request travels to the scheduler. Behind the loop's queue it would be ≥ 5 rounds.
    const bound = (2 * calls + 1) * LATENCY_MS;
    expect(waited).toBeLessThanOrEqual(bound);
  });
});

describe("repeated no-cache requests for the same answer", () => {
  let r: Rig;
  beforeAll(async () => {
    r = await rig(new VirtualClock(), 0);
  });
  afterAll(() => r.close());

  it("20 concurrent no-cache requests, again every 2 s for 20 s: one fetch per minimum age", async () => {
    const path = `/api/v1/query?resource=crm/Accounts&select=ID,Name&division=${r.division}`;
    r.sim.log.reset();
    const rounds = 10;
    const everyMs = 2000;
    for (let round = 0; round < rounds; round += 1) {
      const answers = await Promise.all(
        Array.from({ length: LOOPS }, () => callApi(r.gateway, r.looper, path, { noCache: true })),
      );
      expect(answers.every((answer) => answer.status === 200)).toBe(true);
      r.clock.advance(everyMs);
    }
    const minAgeMs = DEFAULT_SHARING.noCacheMinAgeSeconds * 1000;
    const fetches = r.sim.log.count({ kind: "api", endpoint: "crm/Accounts" });
    expect(fetches).toBe(Math.ceil((rounds * everyMs) / minAgeMs));
  });
});
