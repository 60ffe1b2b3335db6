/**
 * Upstream call efficiency: calls the gateway made to Exact (the simulator's request log) ÷ the lower
 * bound, for DIVISIONS over 1,500 divisions, USERROLES over 50, ROLEHOLDERS(274) and a whole access
 * review over all 1,500;
 * then 1,000 repeated formula calls within the cache TTL.
 */
import { setSessionToken } from "../src/addin/session/tokenStore";
import { createDataServices, installDataServices } from "../src/addin/data/services";
import { divisions as divisionsFunction } from "../src/addin/functions/functions";
import { divisionsBound, grantedOpenDivisions, reviewRowsBound, roleRowsBound } from "./bounds";
import type { Report } from "./report";
import { restCalls, startBenchStack } from "./stack";

const SECTION = "Upstream call efficiency (accountant-large: 1,500 divisions)";

function ratio(report: Report, name: string, measured: number, bound: number): void {
  report.add({
    section: SECTION,
    name,
    measured: `${measured} calls ÷ ${bound} = ${(measured / bound).toFixed(2)}`,
    goal: "1.00",
    met: measured <= bound,
  });
}

export async function measureEfficiency(report: Report): Promise<void> {
  report.note(
    "Explicit division lists are checked before any call to them: against the caller's whole division list " +
      "when it was read within the hour (the DIVISIONS scenario reads it first, so the later scenarios here " +
      "do not pay again; Clear cache does not forget it), otherwise by looking the asked divisions up — one " +
      "filtered system/Divisions read per 60 of them, sent together (the cold sign-ins of the wall-time " +
      "figures; their lower bounds count these reads).",
  );
  report.note(
    "ROLEHOLDERS reads each division's whole role listing, which every role route shares (the workbook " +
      "scenario); its bound here counts the asked role's rows only, so a division with over 60 role rows " +
      "(one in accountant-large, 80) costs a page more when ROLEHOLDERS is asked alone.",
  );
  const stack = await startBenchStack({ virtual: true, simulator: { dataset: "accountant-large" } });
  try {
    const data = stack.simulator.data;
    const now = () => stack.clock.now();
    // Each scenario starts cold: nothing cached by the one before it may lower its count.
    const coldStart = async () => {
      await fetch(`${stack.gateway.url}/api/v1/cache`, {
        method: "DELETE",
        headers: { authorization: `Bearer ${stack.sessionToken}` },
      });
      stack.simulator.log.reset();
    };

    await coldStart();
    await stack.get("/api/v1/divisions");
    ratio(
      report,
      "DIVISIONS (accessible, 1,500 divisions)",
      restCalls(stack.simulator),
      divisionsBound(data),
    );

    const fifty = grantedOpenDivisions(data).slice(0, 50);
    await coldStart();
    await stack.get(`/api/v1/user-roles?divisions=${fifty.join(",")}`);
    ratio(
      report,
      "USERROLES over 50 divisions (active roles, names joined)",
      restCalls(stack.simulator),
      roleRowsBound(data, fifty, now()),
    );

    await coldStart();
    await stack.get("/api/v1/role-holders?roles=274&divisions=all");
    const all = grantedOpenDivisions(data);
    ratio(
      report,
      "ROLEHOLDERS(274) over all divisions (list + per-division rows + names)",
      restCalls(stack.simulator),
      divisionsBound(data) + roleRowsBound(data, all, now(), [274]),
    );

    await coldStart();
    await stack.get("/api/v1/access-review?divisions=all");
    ratio(
      report,
      "Access review over all divisions (holders, findings, changes, catalogue: list + all role rows + names)",
      restCalls(stack.simulator),
      divisionsBound(data) + reviewRowsBound(data, all),
    );

    // The same review with separation rules: conflicts come from the same role rows, and the
    // system/Users listing (names, two-step, login types) is read once.
    await coldStart();
    const rules = encodeURIComponent(
      JSON.stringify([
        [11, 21, "Enter and approve"],
        [31, 41],
      ]),
    );
    const withRules = await stack.get(`/api/v1/access-review?divisions=all&rules=${rules}`);
    const conflicts = (withRules as { conflicts?: { rows: unknown[] } }).conflicts?.rows.length ?? 0;
    ratio(
      report,
      `Access review with 2 separation rules over all divisions (${conflicts} conflicts; system/Users once: ${stack.simulator.log.count({ endpoint: "system/Users" })})`,
      restCalls(stack.simulator),
      divisionsBound(data) + reviewRowsBound(data, all),
    );

    // 1,000 formula calls within the TTL, through the add-in's own function code (coalescing + cache).
    let gatewayRequests = 0;
    const countingFetch: typeof fetch = (input, init) => {
      gatewayRequests += 1;
      return fetch(input, init);
    };
    installDataServices(createDataServices({ baseUrl: stack.gateway.url, fetchImpl: countingFetch }));
    await setSessionToken(stack.sessionToken);
    stack.simulator.log.reset();
    await Promise.all(Array.from({ length: 500 }, () => divisionsFunction(true, null)));
    for (let i = 0; i < 500; i++) await divisionsFunction(true, null);
    report.add({
      section: SECTION,
      name: "1,000 =EOL.DIVISIONS() calls within the cache TTL (500 at once, 500 one by one)",
      measured: `${restCalls(stack.simulator)} upstream calls, ${gatewayRequests} gateway request(s)`,
      goal: "0 upstream calls",
      met: restCalls(stack.simulator) === 0,
    });
    stack.simulator.log.reset();
    await Promise.all(Array.from({ length: 1000 }, () => stack.get("/api/v1/divisions")));
    report.add({
      section: SECTION,
      name: "1,000 gateway requests for the same table within the TTL (other workbooks, same user)",
      measured: `${restCalls(stack.simulator)} upstream calls`,
      goal: "0 upstream calls",
      met: restCalls(stack.simulator) === 0,
    });
  } finally {
    await stack.close();
  }
}
