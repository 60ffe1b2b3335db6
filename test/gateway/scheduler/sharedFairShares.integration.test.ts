/**
 * A user's share of a division's minute holds across gateway instances on one real PostgreSQL: one user
 * whose distinct no-cache requests are dealt over two instances takes at most the minute limit less the
 * reserve, so another user's call in that minute is answered in that minute.
 */
import crypto from "node:crypto";
import { VirtualClock } from "../../../src/shared/clock";
import { startSimulator } from "../../../src/simulator";
import { signInTestUser, buildTestGateway } from "../../support/gateway";
import { startPostgres, type TestPostgres } from "../../support/postgres";
import { callApi } from "../../support/api/callApi";

const MINUTE_LIMIT = 60;
const RESERVE = 10;
const MINUTE = 60_000;
/** Real time before the virtual clock jumps to the next wake-up: far above a request's trip. */
const SETTLE_MS = 1000;

let postgres: TestPostgres;
beforeAll(async () => {
  postgres = await startPostgres();
}, 90_000);
afterAll(() => postgres?.stop());

test("two instances: the looping user stops at its share of the minute; the other user is served in it", async () => {
  const start = Date.UTC(2026, 10, 23, 9, 0, 0);
  const clock = new VirtualClock(start, SETTLE_MS);
  const sim = await startSimulator({ clock, dataset: "demo", seed: 1, autoApprove: true });
  const env = {
    EOL_DATABASE_URL: await postgres.createDatabase(),
    EOL_SECRET_KEY: crypto.randomBytes(32).toString("hex"),
    EOL_EXACT_BASE_URL: sim.url,
    EOL_MINUTE_RESERVE: String(RESERVE),
  };
  const instances = [
    await buildTestGateway(env, { clock, simulator: sim }),
    await buildTestGateway(env, { clock, simulator: sim }),
  ];
  try {
    const looper = await signInTestUser(instances[0]);
    const division = looper.session.currentDivision!;
    const colleague = sim.data.users.find(
      (user) =>
        user.userId !== sim.data.primaryUserId && user.endDate === null && user.divisions.includes(division),
    )!;
    const other = await signInTestUser(instances[1], { userId: colleague.userId });
    const users = `/api/v1/users?division=${division}`;
    expect((await callApi(instances[1], other.sessionToken, users)).status).toBe(200); // access learned
    clock.advance(MINUTE - (clock.now() % MINUTE)); // a fresh minute

    const path = (n: number) =>
      `/api/v1/query?resource=crm/Accounts&select=ID&top=${n + 1}&division=${division}`;
    // Every call of the looping user on the division counts (its first request's access look-up too).
    const loopCalls = () => sim.log.count({ kind: "api", division, userId: sim.data.primaryUserId });
    const minuteEnd = clock.now() + MINUTE;
    const loop = Array.from({ length: MINUTE_LIMIT + 10 }, (_, n) =>
      callApi(instances[n % 2], looper.sessionToken, path(n), { noCache: true }),
    );
    while (loopCalls() < MINUTE_LIMIT - RESERVE) await new Promise((resolve) => setTimeout(resolve, 5));
    const answer = await callApi(instances[1], other.sessionToken, users, { noCache: true });
    await Promise.all(loop);

    expect(answer.status).toBe(200);
    // Its call reached Exact within the minute the looping user had spent its share of.
    const otherCalls = sim.log.filter({ kind: "api", userId: colleague.userId, endpoint: "users/Users" });
    expect(otherCalls[otherCalls.length - 1].time).toBeLessThan(minuteEnd);
    const inFirstMinute = sim.log
      .filter({ kind: "api", division, userId: sim.data.primaryUserId })
      .filter((call) => call.time < minuteEnd);
    expect(inFirstMinute).toHaveLength(MINUTE_LIMIT - RESERVE);
    expect(sim.log.tooManyRequests()).toBe(0);
  } finally {
    await Promise.all(instances.map((instance) => instance.close()));
    await sim.close();
  }
});
