/** Generated data sets: sizes, determinism, edge cases, speed, and paging the large set to the end. */
import {
  ROLE_MANAGE_SUBSCRIPTION,
  activeRoleHolders,
  defaultGrant,
  generateDataset,
  type SimDataset,
} from "../../src/simulator";
import { generateLarge } from "../../src/simulator/data/large";
import { api, signIn, startTestSimulator, type ODataPage } from "../support/simulator";

const NOW = Date.UTC(2026, 10, 23);

function edgeCases(data: SimDataset): void {
  const names = data.divisions.map((d) => d.description);
  expect(names.some((n) => n.includes("'") && n.includes('"'))).toBe(true);
  expect(names.some((n) => /[À-ɏ]/.test(n))).toBe(true);
  for (const lead of ["=", "+", "-", "@"]) expect(names.some((n) => n.startsWith(lead))).toBe(true);
  expect(names.some((n) => n.length > 255)).toBe(true);
  expect(data.divisions.some((d) => d.startDate === null)).toBe(true);
  expect(data.divisions.some((d) => d.status === 2 && d.archiveDate !== null)).toBe(true);
  expect(data.divisions.some((d) => d.blockingStatus !== 0)).toBe(true);
  expect(data.users.some((u) => u.lastLogin === null)).toBe(true);
  const primary = data.users.find((u) => u.userId === data.primaryUserId)!;
  expect(primary.divisions).toContain(data.notGrantedDivision);
  expect(defaultGrant(data, primary.userId)).not.toContain(data.notGrantedDivision);
  expect(new Set(data.divisions.map((d) => d.code)).size).toBe(data.divisions.length);
  expect(new Set(data.roles.map((r) => r.id)).size).toBe(data.roles.length);
}

describe("demo", () => {
  const data = generateDataset("demo", 1);

  it("is a Dutch accountancy of about 12 companies and 15 users with edge cases", () => {
    expect(data.divisions.length).toBeGreaterThanOrEqual(12);
    expect(data.divisions.length).toBeLessThanOrEqual(14);
    expect(data.users).toHaveLength(15);
    expect(data.divisions.map((d) => d.description)).toContain("Bakkerij de Gouden Korst B.V.");
    edgeCases(data);
  });

  it("has role 274 held by exactly two users today and a third whose role ended", () => {
    const rows = data.roles.filter((r) => r.role === ROLE_MANAGE_SUBSCRIPTION);
    expect(activeRoleHolders(data, ROLE_MANAGE_SUBSCRIPTION, NOW)).toHaveLength(2);
    const ended = rows.filter((r) => r.endDate !== null && r.endDate < NOW);
    expect(ended).toHaveLength(1);
    expect(activeRoleHolders(data, ROLE_MANAGE_SUBSCRIPTION, NOW)).not.toContain(ended[0].userId);
    expect(data.roleCatalogue.find((r) => r.role === 274)).toMatchObject({
      en: "Manage subscription",
      nl: "Abonnement beheren",
    });
  });

  it("is deterministic per seed", () => {
    expect(generateDataset("demo", 99)).toBe(generateDataset("demo", 99));
    const fresh = JSON.stringify(generateLarge(5).divisions.slice(0, 20));
    expect(JSON.stringify(generateLarge(5).divisions.slice(0, 20))).toBe(fresh);
    expect(JSON.stringify(generateDataset("demo", 2).divisions)).not.toBe(JSON.stringify(data.divisions));
  });
});

describe("accountant-large", () => {
  it("has 1,500 divisions, 60 users, about 40,000 role rows, edge cases, built in under a second", () => {
    // CPU time rather than wall time: the latter depends on whatever else the machine runs.
    const started = process.cpuUsage();
    const data = generateLarge(1234);
    const used = process.cpuUsage(started);
    expect((used.user + used.system) / 1000).toBeLessThan(1000);
    expect(data.divisions).toHaveLength(1500);
    expect(data.users).toHaveLength(60);
    expect(data.roles.length).toBeGreaterThan(35_000);
    expect(data.roles.length).toBeLessThan(45_000);
    expect(activeRoleHolders(data, ROLE_MANAGE_SUBSCRIPTION, NOW)).toHaveLength(2);
    edgeCases(data);
  });

  it("pages system/Divisions to the end across 1,500 divisions, waiting out 429s on the virtual clock", async () => {
    const { sim, clock } = await startTestSimulator({ dataset: "accountant-large", minuteLimit: 10 });
    try {
      const tokens = await signIn(sim);
      const main = sim.data.divisions[0].code;
      let url: string | undefined = `${sim.url}/api/v1/${main}/system/Divisions?$select=Code,Description`;
      const codes: number[] = [];
      let waits = 0;
      while (url) {
        const response = await api(sim, tokens.access_token, url);
        if (response.status === 429) {
          clock.set(Number(response.headers.get("x-ratelimit-minutely-reset")));
          waits++;
          continue;
        }
        expect(response.status).toBe(200);
        const page = (await response.json()) as ODataPage;
        codes.push(...page.d.results.map((r) => r.Code as number));
        url = page.d.__next;
      }
      expect(codes).toEqual(defaultGrant(sim.data, sim.data.primaryUserId));
      expect(codes).toHaveLength(1499);
      expect(sim.log.count({ endpoint: "system/Divisions", status: 200 })).toBe(25);
      expect(waits).toBe(2);
      expect(sim.log.tooManyRequests()).toBe(2);
    } finally {
      await sim.close();
    }
  });
});
