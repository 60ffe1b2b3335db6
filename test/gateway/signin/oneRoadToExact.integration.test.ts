/**
 * current/Me takes the same road as every Exact call: the Exact client and the scheduler (budget
 * counted, retries, unreadable answers → exact_unavailable), at most one call in flight per chain.
 */
import { DEMO_APP } from "../../../src/simulator";
import { signInTestUser } from "../../support/gateway";
import { completion, startLogin, startRig, type Rig } from "../../support/signInRig";

let rig: Rig;
beforeEach(async () => {
  rig = await startRig();
});
afterEach(async () => {
  await rig?.close();
});

const getSession = (token: string) =>
  rig.gateway.fetch(`${rig.gateway.url}/auth/session`, { headers: { authorization: `Bearer ${token}` } });

test("50 concurrent session checks on one session cost one current/Me upstream", async () => {
  const { sessionToken } = await signInTestUser(rig.gateway);
  rig.sim.log.reset();
  const responses = await Promise.all(Array.from({ length: 50 }, () => getSession(sessionToken)));
  expect(responses.map((res) => res.status)).toEqual(Array(50).fill(200));
  expect(rig.sim.log.count({ kind: "api", endpoint: "current/Me" })).toBe(1);
  // Re-read once the 30 s are over, again shared by every concurrent check.
  rig.clock.advance(31_000);
  await Promise.all(Array.from({ length: 20 }, () => getSession(sessionToken)));
  expect(rig.sim.log.count({ kind: "api", endpoint: "current/Me" })).toBe(2);
});

test("the callback's current/Me goes through the scheduler and counts against the app's budget", async () => {
  const { callback } = await startLogin(rig.gateway);
  const scheduler = rig.gateway.app.exact.scheduler;
  const clientId = DEMO_APP.clientId;
  expect(scheduler.budgetsOf(clientId)).toEqual([]);
  await rig.gateway.fetch(callback, { redirect: "manual" });
  const [me] = rig.sim.log.filter({ kind: "api", endpoint: "current/Me" });
  expect(me?.clientId).toBe(clientId);
  const budgets = scheduler.budgetsOf(clientId);
  expect(budgets.map((budget) => budget.division)).toEqual([null]);
  expect(budgets[0].dayRemaining).not.toBeNull(); // learned from Exact's rate-limit headers
});

test("an unreadable current/Me at sign-in ends in a clear exact_unavailable, after retries", async () => {
  const { callback } = await startLogin(rig.gateway);
  rig.sim.setFaults("malformed:1");
  const res = await rig.gateway.fetch(callback, { redirect: "manual" });
  const result = completion(new URL(res.headers.get("location")!, callback));
  // "retry": the new tokens are kept and the completion page offers "Try again" (keptTokens.test.ts).
  expect(result).toMatchObject({ status: "retry", code: "exact_unavailable" });
  expect(result.message).toMatch(/Exact Online unavailable/);
  expect(rig.sim.log.count({ kind: "api", endpoint: "current/Me", fault: "malformed" })).toBe(4);
});
