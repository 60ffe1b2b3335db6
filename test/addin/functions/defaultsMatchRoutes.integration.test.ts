/**
 * docs/api.md's promise: a function with its optional arguments left empty and its route with those
 * parameters left out answer the same rows (over the demo, signed in as its user). A default that
 * differs on one side (USERROLES' activeOnly once did) shows up here as a different answer.
 */
import { VirtualClock } from "../../../src/shared/clock";
import { startSimulator, type RunningSimulator } from "../../../src/simulator";
import type { TableResponse } from "../../../src/shared/api";
import * as EOL from "../../../src/addin/functions/functions";
import { createDataServices, installDataServices } from "../../../src/addin/data/services";
import { setSessionToken } from "../../../src/addin/session/tokenStore";
import { signInTestUser, buildTestGateway, type TestGateway } from "../../support/gateway";

let sim: RunningSimulator;
let gateway: TestGateway;
let token: string;

beforeAll(async () => {
  const clock = new VirtualClock();
  sim = await startSimulator({ clock, autoApprove: true, dataset: "demo", seed: 1 });
  gateway = await buildTestGateway({ EOL_EXACT_BASE_URL: sim.url }, { clock, simulator: sim });
  ({ sessionToken: token } = await signInTestUser(gateway));
  installDataServices(createDataServices({ baseUrl: gateway.url, fetchImpl: gateway.fetch }));
  await setSessionToken(token);
});
afterAll(async () => {
  await gateway?.close();
  await sim?.close();
});

async function route(path: string): Promise<TableResponse> {
  const answer = await gateway.fetch(`${gateway.url}${path}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(answer.status).toBe(200);
  return (await answer.json()) as TableResponse;
}

test.each([
  ["DIVISIONS()", () => EOL.divisions(), "/api/v1/divisions"],
  ["USERS()", () => EOL.users(), "/api/v1/users"],
  ["USERROLES()", () => EOL.userRoles(), "/api/v1/user-roles"],
  ["ROLEHOLDERS(274)", () => EOL.roleHolders([[274]]), "/api/v1/role-holders?roles=274"],
  ["ROLES()", () => EOL.roles(), "/api/v1/roles"],
  ["ROLECHANGES(since)", () => EOL.roleChanges("2026-01-01"), "/api/v1/role-changes?since=2026-01-01"],
  ["ACCESSISSUES()", () => EOL.accessIssues(), "/api/v1/access-issues"],
  [
    "QUERY(resource, select)",
    () => EOL.query("users/Users", [["UserID,FullName"]]),
    "/api/v1/query?resource=users/Users&select=UserID,FullName",
  ],
] as const)("%s answers what its route answers with nothing left to choose", async (_name, call, path) => {
  const cells = (await call()) as unknown[][];
  const table = await route(path);
  expect(table.rows.length).toBeGreaterThan(0);
  expect(cells.length - 1).toBe(table.rows.length); // the function adds its header row
});
