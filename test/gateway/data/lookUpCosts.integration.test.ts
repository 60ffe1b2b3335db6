/**
 * Division look-ups are the asker's cost: a list of divisions the caller cannot open stops at the first
 * look-up page that finds one, and a per-user ceiling (EOL_LOOKUPS_PER_USER_HOUR) bounds what one user's
 * look-ups take from the division budget others share. Through the real gateway against the simulator
 * with its day limit lowered; then two gateway instances on one real PostgreSQL sharing the ceiling.
 */
import crypto from "node:crypto";
import { VirtualClock } from "../../../src/shared/clock";
import { startSimulator, type RunningSimulator } from "../../../src/simulator";
import { signInTestUser, buildTestGateway, type TestGateway } from "../../support/gateway";
import { startPostgres, type TestPostgres } from "../../support/postgres";
import { callApi } from "../../support/api/callApi";

const DAY_LIMIT = 40;
const CEILING = 5;

/** `count` division codes (from `from` on) that nobody in the data set can open. */
function foreignCodes(sim: RunningSimulator, from: number, count: number): number[] {
  const own = new Set(sim.data.divisions.map((division) => division.code));
  const codes: number[] = [];
  for (let code = from; codes.length < count; code += 1) if (!own.has(code)) codes.push(code);
  return codes;
}

const lookUps = (sim: RunningSimulator) => sim.log.count({ kind: "api", endpoint: "system/Divisions" });

/** The signed-in primary user and a colleague whose work runs on the primary user's current division. */
async function twoUsers(gateways: TestGateway[], sim: RunningSimulator) {
  const asker = await signInTestUser(gateways[0]);
  const division = asker.session.currentDivision!;
  const colleague = sim.data.users.find(
    (user) => user.userId !== sim.data.primaryUserId && user.endDate === null && user.divisions.includes(division),
  )!;
  const other = await signInTestUser(gateways[gateways.length - 1], { userId: colleague.userId });
  return { asker: asker.sessionToken, other: other.sessionToken, division };
}

describe("one gateway (simulator day limit lowered)", () => {
  let clock: VirtualClock;
  let sim: RunningSimulator;
  let gateway: TestGateway;
  beforeAll(async () => {
    clock = new VirtualClock();
    sim = await startSimulator({ clock, dataset: "demo", seed: 1, autoApprove: true, dayLimit: DAY_LIMIT });
    gateway = await buildTestGateway({ EOL_LOOKUPS_PER_USER_HOUR: String(CEILING) }, { clock, simulator: sim });
  });
  afterAll(async () => {
    await gateway.close();
    await sim.close();
  });

  it("1,000 divisions the caller cannot open, repeated: one look-up each until the ceiling, and the other user still gets answers", async () => {
    const users = await twoUsers([gateway], sim);
    sim.log.reset();
    const first = foreignCodes(sim, 900_000, 1000);
    const refused = await callApi(gateway, users.asker, `/api/v1/users?division=${first.join(",")}`);
    expect(refused.status).toBe(403);
    expect(refused.body.error?.message).toBe(
      `No access to divisions ${first.slice(0, 20).join(", ")} and 40 more; 940 more not checked.`,
    );
    expect(lookUps(sim)).toBe(1); // the first page found them: no further look-ups

    // Each repeat names new divisions, so nothing learned before can answer it.
    const answers = [];
    for (let round = 1; round <= DAY_LIMIT + 5; round += 1) {
      const codes = foreignCodes(sim, 900_000 + round * 2000, 1000);
      answers.push(await callApi(gateway, users.asker, `/api/v1/users?division=${codes.join(",")}`));
    }
    expect(answers.slice(0, CEILING - 1).map((answer) => answer.status)).toEqual(Array(CEILING - 1).fill(403));
    const limited = answers.slice(CEILING - 1);
    expect(limited.every((answer) => answer.body.error?.code === "lookup_limit_reached")).toBe(true);
    expect(limited[0].status).toBe(429);
    expect(limited[0].body.error?.message).toMatch(/limit per user.*try again after \d\d:\d\d UTC/);
    expect(lookUps(sim)).toBe(CEILING);

    const colleague = await callApi(gateway, users.other, `/api/v1/users?division=${users.division}`, {
      noCache: true,
    });
    expect(colleague.status).toBe(200);
    expect(sim.log.tooManyRequests()).toBe(0);
  });

  it("open divisions first: the look-ups widen only as far as pages pass (1, then 2)", async () => {
    clock.advance(3_600_001); // the ceiling's hour is over
    const { asker } = await twoUsers([gateway], sim);
    const grant = sim.data.users.find((user) => user.userId === sim.data.primaryUserId)!.divisions;
    const open = grant.slice(0, Math.min(grant.length, 60));
    const codes = [...open, ...foreignCodes(sim, 800_000, 1000 - open.length)];
    sim.log.reset();
    const answer = await callApi(gateway, asker, `/api/v1/users?division=${codes.join(",")}`);
    expect(answer.status).toBe(403);
    // Page 1 (the open ones, when there are 60 of them) alone, then at most two at once.
    expect(lookUps(sim)).toBeLessThanOrEqual(open.length === 60 ? 3 : 1);
  });
});

describe("two gateway instances on one PostgreSQL share the ceiling", () => {
  let postgres: TestPostgres;
  beforeAll(async () => {
    postgres = await startPostgres();
  }, 90_000);
  afterAll(() => postgres?.stop());

  it("look-ups dealt round-robin over two instances stop at one ceiling, not one per instance", async () => {
    const clock = new VirtualClock();
    const sim = await startSimulator({ clock, dataset: "demo", seed: 1, autoApprove: true, dayLimit: DAY_LIMIT });
    const env = {
      EOL_DATABASE_URL: await postgres.createDatabase(),
      EOL_SECRET_KEY: crypto.randomBytes(32).toString("hex"),
      EOL_EXACT_BASE_URL: sim.url,
      EOL_LOOKUPS_PER_USER_HOUR: String(CEILING),
    };
    const instances = [
      await buildTestGateway(env, { clock, simulator: sim }),
      await buildTestGateway(env, { clock, simulator: sim }),
    ];
    try {
      const users = await twoUsers(instances, sim);
      sim.log.reset();
      const codes: string[] = [];
      for (let round = 0; round < 4 * CEILING; round += 1) {
        const list = foreignCodes(sim, 700_000 + round * 2000, 1000).join(",");
        const answer = await callApi(instances[round % 2], users.asker, `/api/v1/users?division=${list}`);
        codes.push(answer.body.error?.code ?? "ok");
      }
      expect(lookUps(sim)).toBe(CEILING);
      expect(codes.filter((code) => code === "no_division_access")).toHaveLength(CEILING);
      const colleague = await callApi(instances[1], users.other, `/api/v1/users?division=${users.division}`);
      expect(colleague.status).toBe(200);
    } finally {
      await Promise.all(instances.map((instance) => instance.close()));
      await sim.close();
    }
  });
});
