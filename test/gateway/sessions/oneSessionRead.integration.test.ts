/**
 * The session behind a request's Bearer token is read from the store once per request, however many
 * parts of the gateway need it (the /auth rate limit's key, a route's hook, its handler).
 */
import { startSimulator, type RunningSimulator } from "../../../src/simulator";
import { buildTestGateway, signInTestUser, type TestGateway } from "../../support/gateway";

let sim: RunningSimulator;
let gateway: TestGateway;
let reads: jest.SpyInstance[];
beforeEach(async () => {
  sim = await startSimulator({ autoApprove: true, dataset: "demo", seed: 1 });
  gateway = await buildTestGateway({ EOL_EXACT_BASE_URL: sim.url }, { simulator: sim });
  const { store } = gateway.app;
  reads = [jest.spyOn(store, "getSessionWithChain"), jest.spyOn(store, "getSessionByTokenHash")];
});
afterEach(async () => {
  jest.restoreAllMocks();
  await gateway?.close();
  await sim?.close();
});

/** Session reads since the last call. */
function sessionReads(): number {
  const count = reads.reduce((sum, spy) => sum + spy.mock.calls.length, 0);
  for (const spy of reads) spy.mockClear();
  return count;
}

const call = (token: string, path: string, method = "GET") =>
  gateway.fetch(`${gateway.url}${path}`, { method, headers: { authorization: `Bearer ${token}` } });

test("the session check, a data route and sign-out each read the session once", async () => {
  const { sessionToken } = await signInTestUser(gateway);
  sessionReads();
  expect((await call(sessionToken, "/auth/session")).status).toBe(200);
  expect(sessionReads()).toBe(1);
  expect((await call(sessionToken, "/api/v1/me")).status).toBe(200);
  expect(sessionReads()).toBe(1);
  // Rate limit key, the route's hook and the sign-out itself.
  expect((await call(sessionToken, "/auth/session", "DELETE")).status).toBe(204);
  expect(sessionReads()).toBe(1);
  expect((await call(sessionToken, "/auth/session")).status).toBe(401);
});
