/**
 * A 401 that one refresh recovers is no mistake of the user's: it does not count towards the error
 * allowance (a forced-expiry run once had 68 valid requests refused). One that ends in "sign in again"
 * still counts. The Exact client against the simulator, with a real token chain.
 */
import { VirtualClock } from "../../../src/shared/clock";
import { ACCESS_TOKEN_LIFETIME_MS, startSimulator, type RunningSimulator } from "../../../src/simulator";
import { ProcessRateBudget } from "../../../src/gateway/scheduler/processRateBudget";
import { ExactClient } from "../../../src/gateway/exact/client";
import { DEFAULT_ERROR_LIMIT, ErrorBudget, MemoryErrorLedger } from "../../../src/gateway/exact/errorBudget";
import { clientHarness } from "../../support/api/harness";

let sim: RunningSimulator;
afterEach(() => sim.close());

it("twice the error limit of expired tokens, each recovered by a refresh: every call answers", async () => {
  const clock = new VirtualClock();
  sim = await startSimulator({ clock, dataset: "demo", seed: 1, errorBlock: true });
  const harness = await clientHarness(sim, clock);
  const ledger = new MemoryErrorLedger(clock);
  const client = new ExactClient({
    clock,
    tokens: harness.tokens,
    scheduler: harness.scheduler,
    assertAllowedUpstream: () => undefined,
    maxAttempts: 3,
    timeoutMs: 5000,
    backoffBaseMs: 10,
    errorBudget: new ErrorBudget({ clock, ledger }),
    rateBudget: new ProcessRateBudget(),
  });
  const { session } = harness;
  for (let i = 0; i < 2 * DEFAULT_ERROR_LIMIT; i += 1) {
    clock.advance(ACCESS_TOKEN_LIFETIME_MS + 1000); // the token the source holds has expired
    const rows = await client.getAll(session, session.currentDivision, "users/Users", { $select: "UserID" });
    expect(rows.length).toBeGreaterThan(0);
  }
  expect(harness.tokens.refreshes).toBe(2 * DEFAULT_ERROR_LIMIT);
  expect(sim.log.count({ kind: "api", status: 401 })).toBe(2 * DEFAULT_ERROR_LIMIT);
  const key = JSON.stringify([session.chainId, session.currentDivision, "users/Users"]);
  expect(await ledger.errorsSince(key, 0)).toEqual([]);
});
