/**
 * What a naive add-in does: one call at a time, no cache, no scheduler — for each division fetch the
 * role rows and the users, following __next to the end. Used as the baseline for the wall-time ratio.
 */
import type { RunningSimulator, SimApp } from "../src/simulator";
import { authorizeAtSimulator } from "../test/support/chainAtExact";

const REDIRECT_URI = "http://127.0.0.1:9/naive-callback";

export const NAIVE_APP: SimApp = {
  clientId: "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b",
  clientSecret: "naive-client-secret",
  redirectUris: [REDIRECT_URI],
  name: "Naive benchmark client",
};

/** Signs the naive client in at the simulator directly (auto-approve) and returns its access token. */
export async function naiveAccessToken(simulator: RunningSimulator): Promise<string> {
  return authorizeAtSimulator(simulator, NAIVE_APP, REDIRECT_URI);
}

async function fetchAll(url: string, token: string): Promise<number> {
  let next: string | undefined = url;
  let rows = 0;
  while (next) {
    const res: Response = await fetch(next, {
      headers: { authorization: `Bearer ${token}`, accept: "application/json" },
    });
    if (!res.ok) throw new Error(`naive client: ${res.status} from ${next}`);
    const body = (await res.json()) as { d: { results: unknown[]; __next?: string } };
    rows += body.d.results.length;
    next = body.d.__next;
  }
  return rows;
}

/** Role audit the naive way; returns the number of role rows read. */
export async function naiveRoleAudit(simulator: RunningSimulator, divisions: number[]): Promise<number> {
  simulator.apps.register(NAIVE_APP);
  const token = await naiveAccessToken(simulator);
  let rows = 0;
  for (const division of divisions) {
    const base = `${simulator.url}/api/v1/${division}`;
    rows += await fetchAll(
      `${base}/users/UserRolesPerDivision?$select=UserID,Role,Description,StartDate,EndDate`,
      token,
    );
    await fetchAll(`${base}/users/Users?$select=UserID,FullName,UserName`, token);
  }
  return rows;
}
