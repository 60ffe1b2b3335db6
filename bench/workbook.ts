/**
 * A whole workbook refreshed cold (accountant-large): the Divisions sheet, the Role audit sheet, the
 * Access review sheet, 20 formulas of ROLEHOLDERS / USERS / USERROLES over overlapping scopes (one
 * division, several, all) and 5 QUERY formulas, all asked at once through the add-in's own data layer
 * and function code (the same routes and parameters as in Excel). Upstream calls (the simulator's log)
 * ÷ the fewest distinct Exact pages the whole workbook needs; then the same workbook again within the
 * cache TTL from a fresh add-in runtime (its own cache empty, the gateway's kept): 0 calls expected. In
 * one process, then with 3 gateway instances on one PostgreSQL (requests dealt round-robin), where a
 * bad formula recalculated 15 times and 60 session checks are counted beside it. (The ribbon's Refresh
 * all clears both caches on purpose, so it costs the cold figure again.)
 * Alone: `npx tsx bench/workbook.ts` (prints the figures).
 */
import crypto from "node:crypto";
import { createDataServices, installDataServices, type DataServices } from "../src/addin/data/services";
import { setSessionToken } from "../src/addin/session/tokenStore";
import * as functions from "../src/addin/functions/functions";
import { VirtualClock } from "../src/shared/clock";
import { startSimulator, type RunningSimulator } from "../src/simulator";
import { signInTestUser, startTestGateway, type TestGateway } from "../test/support/gateway";
import { startPostgres } from "../test/support/postgres";
import { divisionsBound, grantedOpenDivisions, PAGE_SIZE, reviewRowsBound } from "./bounds";
import { Report } from "./report";
import { restCalls } from "./stack";

const SECTION = "A whole workbook refreshed cold (accountant-large: 1,500 divisions)";
const pages = (rows: number) => Math.max(1, Math.ceil(rows / PAGE_SIZE));
const column = (codes: number[]) => codes.map((code) => [code]);

/** The workbook's formulas and sheets as the add-in issues them; USERS and QUERY cells named for the bound. */
function workbook(all: number[], services: DataServices) {
  const [d0, d1, d2, d3, d5, d8] = [all[0], all[1], all[2], all[3], all[5], all[8]];
  const several = column(all.slice(0, 5));
  const overlapping = column(all.slice(2, 10));
  const users = [d0, d1, d2, d3, d5, d8];
  const queries = [
    { resource: "financial/GLAccounts", select: "Code,Description", division: d0, top: null },
    { resource: "financial/GLAccounts", select: "Code,Description", division: d2, top: 10 },
    { resource: "crm/Accounts", select: "Code,Name", division: d0, top: null },
    { resource: "crm/Accounts", select: "Code,Name,City", division: d1, top: null },
    { resource: "project/Projects", select: "Code,Description", division: d3, top: null },
  ];
  const since = new Date(Date.now() - 90 * 86_400_000).toISOString().slice(0, 10);
  const cells: Promise<unknown>[] = [
    // The three sheets (actions.ts): Divisions, Role audit (role 274, all divisions), Access review.
    services.tables.get("divisions", { scope: "accessible" }),
    services.tables.get("user-roles", { divisions: "all", role: "274", activeOnly: true }),
    services.client.accessReview({ divisions: "all", since }),
    services.tables.session(),
    // 20 formulas over overlapping scopes.
    functions.roleHolders([[274]], [[]]),
    functions.roleHolders([[274]], [[d0]]),
    functions.roleHolders([[274]], several),
    functions.roleHolders([["274, 11"]], [["all"]]),
    functions.roleHolders([[21]], overlapping),
    functions.roleHolders([[31]], several),
    functions.roleHolders([[41]], [[d8]]),
    ...users.map((division) => functions.users(division, true)),
    functions.userRoles([[d0]]),
    functions.userRoles(several),
    functions.userRoles(overlapping),
    functions.userRoles([["all"]], [[11]]),
    functions.userRoles([["all"]], [[274]]),
    functions.userRoles(several, [[]], false),
    functions.userRoles([[]]),
    // 5 QUERY formulas.
    ...queries.map((q) => functions.query(q.resource, [[q.select]], null, q.division, null, q.top, true)),
  ];
  return { cells, users, queries };
}

/**
 * Fewest pages: the division list (which also answers every explicit division list's access check),
 * every role row of every division (the review needs them all; every role filter is a part of them) +
 * the names, one current/Me (the review sheet asks who is signed in, which the gateway confirms with
 * Exact), each USERS division's users and each QUERY's rows (read back through the add-in's cache, so
 * no new request).
 */
async function lowerBound(
  sim: RunningSimulator,
  services: DataServices,
  plan: ReturnType<typeof workbook>,
): Promise<number> {
  const data = sim.data;
  const me = 1;
  let bound = divisionsBound(data) + reviewRowsBound(data, grantedOpenDivisions(data)) + me;
  for (const division of new Set(plan.users)) {
    bound += pages((await services.tables.get("users", { division })).rows.length);
  }
  for (const q of plan.queries) {
    const params = { resource: q.resource, select: q.select, division: q.division, top: q.top };
    bound += pages((await services.tables.get("query", params)).rows.length);
  }
  return bound;
}

/** Every cell asked at once from a fresh add-in runtime; throws when any cell fails. */
async function refresh(sim: RunningSimulator, fetchImpl: typeof fetch, baseUrl: string, token: string) {
  const services = createDataServices({ baseUrl, fetchImpl });
  installDataServices(services);
  await setSessionToken(token);
  const plan = workbook(grantedOpenDivisions(sim.data), services);
  const outcomes = await Promise.allSettled(plan.cells);
  const failed = outcomes.flatMap((outcome, cell) =>
    outcome.status === "rejected" ? [`cell ${cell}: ${String(outcome.reason)}`] : [],
  );
  if (failed.length > 0) throw new Error(`workbook cells failed: ${failed.join("; ")}`);
  return { services, plan };
}

/** Requests sent more than once (the same endpoint, division and query string), per endpoint. */
function repeats(sim: RunningSimulator): string {
  const seen = new Map<string, number>();
  for (const entry of sim.log.filter({ kind: "api" })) {
    const key = `${entry.endpoint} ${entry.division ?? "-"} ${entry.query}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  const byEndpoint = new Map<string, number>();
  for (const [key, count] of seen) {
    const endpoint = key.split(" ")[0];
    if (count > 1) byEndpoint.set(endpoint, (byEndpoint.get(endpoint) ?? 0) + count - 1);
  }
  return [...byEndpoint].map(([endpoint, extra]) => `${endpoint} +${extra}`).join(", ") || "none";
}

async function measure(report: Report, label: string, sim: RunningSimulator, urls: string[], token: string) {
  let next = 0;
  // Round-robin over the instances: each gateway request goes to the next one.
  const dealt: typeof fetch = (input, init) => {
    const url = String(input).replace(urls[0], urls[next++ % urls.length]);
    return fetch(url, init);
  };
  sim.log.reset();
  const cold = await refresh(sim, dealt, urls[0], token);
  const calls = restCalls(sim);
  const perEndpoint = JSON.stringify(sim.log.perEndpoint());
  const repeated = repeats(sim);
  const bound = await lowerBound(sim, cold.services, cold.plan);
  report.add({
    section: SECTION,
    name: `Cold refresh, ${label}: upstream calls ÷ lower bound of distinct pages`,
    measured: `${calls} calls ÷ ${bound} = ${(calls / bound).toFixed(2)}`,
    goal: "1.00",
    met: calls <= bound,
    note: `per endpoint ${perEndpoint}; listings read again: ${repeated}`,
  });
  sim.log.reset();
  await refresh(sim, dealt, urls[0], token);
  const again = restCalls(sim);
  report.add({
    section: SECTION,
    name: `The same workbook again within the cache TTL (fresh add-in runtime), ${label}`,
    measured: `${again} upstream calls`,
    goal: "0",
    met: again === 0,
    note: again > 0 ? `per endpoint ${JSON.stringify(sim.log.perEndpoint())}` : undefined,
  });
}

async function oneProcess(report: Report): Promise<void> {
  const clock = new VirtualClock(Date.UTC(2026, 10, 23, 9, 0, 0));
  const sim = await startSimulator({ seed: 1, autoApprove: true, clock, dataset: "accountant-large" });
  const gateway = await startTestGateway({}, { clock, simulator: sim });
  try {
    const { sessionToken } = await signInTestUser(gateway);
    await measure(report, "one process", sim, [gateway.url], sessionToken);
  } finally {
    await gateway.close();
    await sim.close();
  }
}

async function threeInstances(report: Report): Promise<void> {
  const postgres = await startPostgres();
  const clock = new VirtualClock(Date.UTC(2026, 10, 23, 9, 0, 0));
  const sim = await startSimulator({ seed: 1, autoApprove: true, clock, dataset: "accountant-large" });
  const instances: TestGateway[] = [];
  try {
    const env = {
      EOL_DATABASE_URL: await postgres.createDatabase(),
      EOL_SECRET_KEY: crypto.randomBytes(32).toString("hex"),
      EOL_EXACT_BASE_URL: sim.url,
    };
    for (let i = 0; i < 3; i += 1) instances.push(await startTestGateway(env, { clock, simulator: sim }));
    const { sessionToken } = await signInTestUser(instances[0]);
    const urls = instances.map((instance) => instance.url);
    await measure(report, "3 instances on one PostgreSQL", sim, urls, sessionToken);
    await besideThreeInstances(report, sim, clock, urls, sessionToken);
  } finally {
    await Promise.all(instances.map((instance) => instance.close()));
    await sim.close();
    await postgres.stop();
  }
}

/** The companions of the three-instance figures: a bad formula recalculated, session checks. */
async function besideThreeInstances(
  report: Report,
  sim: RunningSimulator,
  clock: VirtualClock,
  urls: string[],
  token: string,
): Promise<void> {
  const ask = (index: number, path: string) =>
    fetch(`${urls[index % urls.length]}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const division = grantedOpenDivisions(sim.data)[0];
  sim.log.reset();
  for (let i = 0; i < 15; i += 1) {
    await ask(i, `/api/v1/query?resource=users/Users&select=NoSuchField&division=${division}`);
  }
  const errors = sim.log.filter({ kind: "api" }).filter((call) => call.status >= 400).length;
  report.add({
    section: SECTION,
    name: "15 identical bad queries (a bad formula recalculated) through 3 instances: upstream 4xx",
    measured: String(errors),
    goal: "≤ 1",
    met: errors <= 1,
  });
  clock.advance(31_000); // past the session check's own 30 s memory of who is signed in
  sim.log.reset();
  for (let i = 0; i < 60; i += 1) await ask(i, "/auth/session");
  const me = sim.log.count({ kind: "api", endpoint: "current/Me" });
  report.add({
    section: SECTION,
    name: "60 session checks through 3 instances: current/Me reads",
    measured: String(me),
    goal: "≤ 1",
    met: me <= 1,
  });
}

export async function measureWorkbook(report: Report): Promise<void> {
  await oneProcess(report);
  await threeInstances(report);
}

if (require.main === module) {
  measureWorkbook(new Report()).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
