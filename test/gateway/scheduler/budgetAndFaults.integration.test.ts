/**
 * Through the real gateway: many calls to one division from two users of the same client ID share one
 * budget and cause zero 429s; with 10% injected faults every answer is complete and correct or a clear
 * error, never a short list.
 */
import { VirtualClock } from "../../../src/shared/clock";
import type { StatusResponse } from "../../../src/shared/api";
import { DEMO_APP, startSimulator, type RunningSimulator } from "../../../src/simulator";
import { signInTestUser, buildTestGateway, type TestGateway } from "../../support/gateway";
import { callApi } from "../../support/api/callApi";

describe("shared budget and faults (demo data set)", () => {
  let clock: VirtualClock;
  let sim: RunningSimulator;
  let gateway: TestGateway;
  let first: { sessionToken: string; division: number };
  let second: { sessionToken: string };

  beforeAll(async () => {
    clock = new VirtualClock();
    sim = await startSimulator({ clock, dataset: "demo", seed: 1, autoApprove: true });
    gateway = await buildTestGateway(
      // Every no-cache request is its own call here (the no-cache minimum age is the cache tests' subject).
      { EOL_EXACT_TIMEOUT_MS: "400", EOL_EXACT_RETRIES: "3", EOL_NO_CACHE_MIN_AGE_SECONDS: "0" },
      { clock, simulator: sim },
    );
    const signedIn = await signInTestUser(gateway);
    first = { sessionToken: signedIn.sessionToken, division: signedIn.session.currentDivision! };
    const other = sim.data.users.find(
      (user) =>
        user.userId !== sim.data.primaryUserId &&
        user.divisions.includes(first.division) &&
        user.endDate === null,
    )!;
    second = { sessionToken: (await signInTestUser(gateway, { userId: other.userId })).sessionToken };
  });
  afterAll(async () => {
    await gateway.close();
    await sim.close();
  });

  it("two users of the same client ID: > 60 calls to one division in a minute, one shared budget, zero 429s", async () => {
    sim.log.reset();
    const started = clock.now();
    // Identical requests in flight share one upstream fetch, so the 130 go in 65 rounds of both users at
    // once: each request is its own call to Exact, however fast the requests arrive.
    const answers = [];
    for (let round = 0; round < 65; round += 1) {
      answers.push(
        ...(await Promise.all(
          [first.sessionToken, second.sessionToken].map((token) =>
            callApi(gateway, token, `/api/v1/users?division=${first.division}`, { noCache: true }),
          ),
        )),
      );
    }
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    const sizes = new Set(answers.map((answer) => answer.body.rows.length));
    expect(sizes.size).toBe(1);
    const calls = sim.log.filter({ kind: "api", division: first.division, clientId: DEMO_APP.clientId });
    expect(calls.length).toBeGreaterThan(60);
    expect(new Set(calls.map((call) => call.userId)).size).toBe(2);
    expect(sim.log.tooManyRequests()).toBe(0);
    expect(clock.now() - started).toBeGreaterThanOrEqual(60_000); // waited for resets instead of 429s

    // Both users see the same budget for that division.
    const statuses = await Promise.all(
      [first.sessionToken, second.sessionToken].map((token) =>
        callApi<StatusResponse>(gateway, token, "/api/v1/status"),
      ),
    );
    const budgets = statuses.map((status) =>
      status.body.budgets.find((budget) => budget.division === first.division),
    );
    expect(budgets[0]).toBeDefined();
    expect(budgets[0]).toEqual(budgets[1]);
  });

  it("10% injected faults: every answer is complete and correct, or a clear error — never short", async () => {
    const path = `/api/v1/users?division=${first.division}`;
    const baseline = await callApi(gateway, first.sessionToken, path, { noCache: true });
    expect(baseline.status).toBe(200);
    const expectedIds = baseline.body.rows.map((row) => row[1]).sort();
    const divisionsPath = "/api/v1/divisions";
    const divisionsBaseline = (await callApi(gateway, first.sessionToken, divisionsPath)).body.rows;
    expect(divisionsBaseline.length).toBeGreaterThan(0);
    sim.setFaults("500:0.03,502:0.01,503:0.02,drop:0.01,malformed:0.01,hang:0.01,401mid:0.01");
    let complete = 0;
    let errors = 0;
    for (let round = 0; round < 8; round += 1) {
      const answers = await Promise.all([
        ...Array.from({ length: 5 }, () => callApi(gateway, first.sessionToken, path, { noCache: true })),
        callApi(gateway, first.sessionToken, divisionsPath, { noCache: true }),
      ]);
      for (const [index, answer] of answers.entries()) {
        if (answer.status === 200) {
          if (index < 5) expect(answer.body.rows.map((row) => row[1]).sort()).toEqual(expectedIds);
          else expect(answer.body.rows).toEqual(divisionsBaseline);
          complete += 1;
        } else {
          expect(answer.body.error?.code).toMatch(/^(exact_unavailable|exact_error|reauth_required)$/);
          expect(answer.body.error?.message).toMatch(/Exact Online/);
          errors += 1;
        }
      }
    }
    sim.setFaults(null);
    expect(complete + errors).toBe(48);
    expect(complete).toBeGreaterThan(30);
    expect(sim.log.count({ kind: "api" }) - sim.log.count({ kind: "api", fault: null })).toBeGreaterThan(0);
  });
});
