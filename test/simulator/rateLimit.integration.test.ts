/** Rate limits per (client ID, division) in clock-minute and UTC-day windows, on a virtual clock. */
import { api, signIn, startTestSimulator, TEST_APP, type TestSim, type Tokens } from "../support/simulator";
import { DEMO_APP } from "../../src/simulator";

let t: TestSim;
let tokens: Tokens;
let main: number;
let second: number;
beforeEach(async () => {
  t = await startTestSimulator();
  // Start the test at a known second inside a minute: 09:00:10 UTC.
  t.clock.advance(10_000);
  tokens = await signIn(t.sim);
  main = t.sim.data.divisions[0].code;
  second = t.sim.data.divisions[1].code;
});
afterEach(() => t.sim.close());

const call = (division: number, token = tokens.access_token) =>
  api(t.sim, token, `/api/v1/${division}/system/Divisions?$top=1&$select=Code`);

const RATE_HEADERS = [
  "x-ratelimit-limit",
  "x-ratelimit-remaining",
  "x-ratelimit-reset",
  "x-ratelimit-minutely-limit",
  "x-ratelimit-minutely-remaining",
  "x-ratelimit-minutely-reset",
];

it("sends all rate headers in epoch ms on every response, counting down", async () => {
  const now = t.clock.now();
  const first = await call(main);
  expect(first.headers.get("x-ratelimit-limit")).toBe("5000");
  expect(first.headers.get("x-ratelimit-remaining")).toBe("4999");
  expect(first.headers.get("x-ratelimit-minutely-limit")).toBe("60");
  expect(first.headers.get("x-ratelimit-minutely-remaining")).toBe("59");
  expect(Number(first.headers.get("x-ratelimit-minutely-reset"))).toBe(
    Math.floor(now / 60_000) * 60_000 + 60_000,
  );
  expect(Number(first.headers.get("x-ratelimit-reset"))).toBe(Date.UTC(2026, 10, 24));
  // Errors count and carry the headers too.
  const notFound = await api(t.sim, tokens.access_token, `/api/v1/${main}/system/Nope`);
  expect(notFound.status).toBe(404);
  const forbidden = await call(t.sim.data.notGrantedDivision);
  expect(forbidden.status).toBe(200); // system/Divisions does not check its URL division…
  const users = await api(t.sim, tokens.access_token, `/api/v1/${t.sim.data.notGrantedDivision}/users/Users`);
  expect(users.status).toBe(403); // …users/Users does, and the call still counts and carries headers.
  for (const name of RATE_HEADERS) expect(users.headers.get(name)).not.toBeNull();
  expect(users.headers.get("x-ratelimit-minutely-remaining")).toBe("58");
});

it("answers the 61st call in a minute with 429 and only the minutely headers; the next window recovers", async () => {
  for (let i = 1; i <= 60; i++) {
    const response = await call(main);
    expect(response.status).toBe(200);
    expect(response.headers.get("x-ratelimit-minutely-remaining")).toBe(String(60 - i));
  }
  const refused = await call(main);
  expect(refused.status).toBe(429);
  expect(refused.headers.get("x-ratelimit-minutely-remaining")).toBe("0");
  expect(refused.headers.get("x-ratelimit-minutely-reset")).toBe(String(Date.UTC(2026, 10, 23, 9, 1)));
  expect(refused.headers.get("x-ratelimit-limit")).toBeNull();
  expect(refused.headers.get("x-ratelimit-remaining")).toBeNull();
  expect(await refused.text()).toBe("");
  expect(t.sim.log.tooManyRequests()).toBe(1);

  // Another division has its own budget; another app too.
  expect((await call(second)).status).toBe(200);

  // Fixed clock-minute windows: 09:00:59 still refused, 09:01:00 allowed again.
  t.clock.set(Date.UTC(2026, 10, 23, 9, 0, 59, 999));
  expect((await call(main)).status).toBe(429);
  t.clock.set(Date.UTC(2026, 10, 23, 9, 1, 0));
  const recovered = await call(main);
  expect(recovered.status).toBe(200);
  expect(recovered.headers.get("x-ratelimit-minutely-remaining")).toBe("59");
  expect(recovered.headers.get("x-ratelimit-remaining")).toBe(String(5000 - 61));
});

it("keeps separate budgets per client ID", async () => {
  t.sim.apps.addRedirectUri(DEMO_APP.clientId, TEST_APP.redirectUris[0]);
  const demoApp = { ...DEMO_APP, redirectUris: [TEST_APP.redirectUris[0]] };
  const other = await signIn(t.sim, demoApp);
  for (let i = 0; i < 60; i++) await call(main);
  expect((await call(main)).status).toBe(429);
  expect((await call(main, other.access_token)).status).toBe(200);
});

it("enforces the daily limit until 00:00 UTC with only the daily headers", async () => {
  const small = await startTestSimulator({ dayLimit: 3, minuteLimit: 100 });
  try {
    let mine = await signIn(small.sim);
    const smallCall = () => api(small.sim, mine.access_token, `/api/v1/${main}/system/Divisions?$top=1`);
    for (let i = 0; i < 3; i++) expect((await smallCall()).status).toBe(200);
    const refused = await smallCall();
    expect(refused.status).toBe(429);
    expect(refused.headers.get("x-ratelimit-remaining")).toBe("0");
    expect(refused.headers.get("x-ratelimit-reset")).toBe(String(Date.UTC(2026, 10, 24)));
    expect(refused.headers.get("x-ratelimit-minutely-limit")).toBeNull();
    // Access tokens live 600 s, so sign in again after each jump.
    small.clock.set(Date.UTC(2026, 10, 23, 23, 59, 0));
    mine = await signIn(small.sim);
    expect((await smallCall()).status).toBe(429);
    small.clock.set(Date.UTC(2026, 10, 24, 0, 0, 0));
    expect((await smallCall()).status).toBe(200);
  } finally {
    await small.sim.close();
  }
});

it("counts current/Me against a per-app no-division budget by default, or the current division (configurable)", async () => {
  const me = await api(t.sim, tokens.access_token, "/api/v1/current/Me");
  expect(me.headers.get("x-ratelimit-minutely-remaining")).toBe("59");
  expect((await call(main)).headers.get("x-ratelimit-minutely-remaining")).toBe("59");

  const shared = await startTestSimulator({ noDivisionBudget: "current-division" });
  try {
    const mine = await signIn(shared.sim);
    await api(shared.sim, mine.access_token, "/api/v1/current/Me");
    const current = shared.sim.data.users.find(
      (u) => u.userId === shared.sim.data.primaryUserId,
    )!.currentDivision;
    const next = await api(shared.sim, mine.access_token, `/api/v1/${current}/system/Divisions?$top=1`);
    expect(next.headers.get("x-ratelimit-minutely-remaining")).toBe("58");
  } finally {
    await shared.sim.close();
  }
});

it("optionally blocks after 10 errors an hour per app, user, division and endpoint", async () => {
  const blocking = await startTestSimulator({ errorBlock: true });
  try {
    const mine = await signIn(blocking.sim);
    const bad = () => api(blocking.sim, mine.access_token, `/api/v1/${main}/users/Users?$filter=nonsense`);
    for (let i = 0; i < 10; i++) expect((await bad()).status).toBe(400);
    const blocked = await api(blocking.sim, mine.access_token, `/api/v1/${main}/users/Users`);
    expect(blocked.status).toBe(429);
    // Other endpoints are not affected; after an hour the block lifts.
    expect(
      (await api(blocking.sim, mine.access_token, `/api/v1/${main}/users/UserRoles?$top=1`)).status,
    ).toBe(200);
    blocking.clock.advance(3_600_001);
    const again = await signIn(blocking.sim);
    expect((await api(blocking.sim, again.access_token, `/api/v1/${main}/users/Users`)).status).toBe(200);
  } finally {
    await blocking.sim.close();
  }
});
