/**
 * The session behind a request's Bearer token is read from the store once per request, however many
 * parts of the gateway need it (the /auth rate limit's key, a route's hook, its handler).
 */
import { startRig, type Rig } from "../../gateway-auth/helpers";
import { signInTestUser } from "../../support/gateway";

let rig: Rig;
let reads: jest.SpyInstance[];
beforeEach(async () => {
  rig = await startRig();
  const { store } = rig.gateway.app;
  reads = [jest.spyOn(store, "getSessionWithChain"), jest.spyOn(store, "getSessionByTokenHash")];
});
afterEach(async () => {
  jest.restoreAllMocks();
  await rig?.close();
});

/** Session reads since the last call. */
function sessionReads(): number {
  const count = reads.reduce((sum, spy) => sum + spy.mock.calls.length, 0);
  for (const spy of reads) spy.mockClear();
  return count;
}

const call = (token: string, path: string, method = "GET") =>
  rig.gateway.fetch(`${rig.gateway.url}${path}`, { method, headers: { authorization: `Bearer ${token}` } });

test("the session check, a data route and sign-out each read the session once", async () => {
  const { sessionToken } = await signInTestUser(rig.gateway);
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
