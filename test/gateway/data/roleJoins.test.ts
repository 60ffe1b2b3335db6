/** The name join: one license-wide user listing, per-division users/Users only where it falls short. */
import type { SessionContext } from "../../../src/gateway/contracts";
import { GatewayError } from "../../../src/gateway/errors";
import type { DataService, Fetched } from "../../../src/gateway/data/dataService";
import { userRoleRows } from "../../../src/gateway/data/roleJoins";
import type { ExactRecord } from "../../../src/gateway/exact/odata";

const session = { chainId: "c1" } as SessionContext;
const fetched = <T>(value: T): Fetched<T> => ({ value, asOf: 1000, cached: false });
const role = (userId: string, roleNumber = 274): ExactRecord => ({
  UserID: userId,
  Role: roleNumber,
  EndDate: null,
});
const user = (userId: string, name: string): ExactRecord => ({ UserID: userId, FullName: name });

function fakeService(options: {
  directory: ExactRecord[] | "refused";
  rolesByDivision: Record<number, ExactRecord[]>;
}) {
  const calls = { directory: 0, users: [] as number[] };
  const service = {
    now: () => 2000,
    fanOut: <T>(divisions: number[], work: (d: number) => Promise<T>) => Promise.all(divisions.map(work)),
    userRoles: async (_s: SessionContext, division: number) =>
      fetched(options.rolesByDivision[division] ?? []),
    userDirectory: async () => {
      calls.directory += 1;
      if (options.directory === "refused") return null;
      return fetched(options.directory);
    },
    users: async (_s: SessionContext, division: number) => {
      calls.users.push(division);
      return fetched([user("u9", `Other licence user of ${division}`)]);
    },
  } as unknown as DataService;
  return { service, calls };
}

test("joins names from one directory listing shared by every division", async () => {
  const { service, calls } = fakeService({
    directory: [user("u1", "Ann"), user("u2", "Bob")],
    rolesByDivision: { 1: [role("u1")], 2: [role("u2"), role("u1")], 3: [] },
  });
  const { rows, parts } = await userRoleRows(service, session, [1, 2, 3], [274], false);
  expect(rows.map((r) => [r.division, r.user?.FullName])).toEqual([
    [1, "Ann"],
    [2, "Bob"],
    [2, "Ann"],
  ]);
  expect(calls).toEqual({ directory: 1, users: [] });
  expect(parts).toHaveLength(4); // three role fetches + the directory once
});

test("falls back to users/Users only for a division whose users the directory lacks", async () => {
  const { service, calls } = fakeService({
    directory: [user("u1", "Ann")],
    rolesByDivision: { 1: [role("u1")], 2: [role("u9")] },
  });
  const { rows } = await userRoleRows(service, session, [1, 2], null, false);
  expect(rows.map((r) => r.user?.FullName)).toEqual(["Ann", "Other licence user of 2"]);
  expect(calls.users).toEqual([2]);
});

test("falls back to users/Users everywhere when Exact refuses the directory, and costs nothing without rows", async () => {
  const refused = fakeService({ directory: "refused", rolesByDivision: { 1: [role("u9")] } });
  await userRoleRows(refused.service, session, [1], null, false);
  expect(refused.calls.users).toEqual([1]);
  const empty = fakeService({ directory: [], rolesByDivision: {} });
  await userRoleRows(empty.service, session, [1, 2], null, false);
  expect(empty.calls).toEqual({ directory: 0, users: [] });
});

test("a refused directory is not an error of the answer, but a dead sign-in still is", async () => {
  const { service } = fakeService({ directory: "refused", rolesByDivision: {} });
  expect(await service.userDirectory(session, false)).toBeNull();
  const real = Object.create(
    (await import("../../../src/gateway/data/dataService")).DataService.prototype,
  ) as DataService;
  (real as unknown as { fetch: () => Promise<never> }).fetch = () =>
    Promise.reject(new GatewayError(401, "reauth_required", "Sign in again."));
  await expect(real.userDirectory(session, false)).rejects.toMatchObject({ code: "reauth_required" });
  (real as unknown as { fetch: () => Promise<never> }).fetch = () =>
    Promise.reject(
      new GatewayError(403, "exact_error", "Forbidden - Application Scope Violated. Cannot read"),
    );
  expect(await real.userDirectory(session, false)).toBeNull();
});
