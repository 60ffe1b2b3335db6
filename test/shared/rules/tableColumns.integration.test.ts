/**
 * The column names in src/shared/rules/tableColumns.ts are what the real gateway answers (through
 * inject, against the simulator over HTTP), and the task pane reads the divisions table by them.
 */
import { divisionOptions } from "../../../src/addin/taskpane/divisions";
import type { Column } from "../../../src/shared/api";
import { VirtualClock } from "../../../src/shared/clock";
import {
  ACCESS_FINDING_COLUMNS,
  DIVISION_COLUMNS,
  ME_COLUMNS,
  ROLE_CATALOGUE_COLUMNS,
  ROLE_CHANGE_COLUMNS,
  ROLE_HOLDER_COLUMNS,
  USER_COLUMNS,
  USER_ROLE_COLUMNS,
} from "../../../src/shared/rules/tableColumns";
import { startSimulator, type RunningSimulator } from "../../../src/simulator";
import { callApi } from "../../support/api/callApi";
import { signInTestUser, buildTestGateway, type TestGateway } from "../../support/gateway";

describe("shared table columns", () => {
  let sim: RunningSimulator;
  let gateway: TestGateway;
  let token: string;

  beforeAll(async () => {
    const clock = new VirtualClock();
    sim = await startSimulator({ clock, dataset: "demo", seed: 1, autoApprove: true });
    gateway = await buildTestGateway({}, { clock, simulator: sim });
    token = (await signInTestUser(gateway)).sessionToken;
  });
  afterAll(async () => {
    await gateway?.close();
    await sim?.close();
  });

  const routes: [string, Record<string, Readonly<Column>>][] = [
    ["/api/v1/me", ME_COLUMNS],
    ["/api/v1/divisions", DIVISION_COLUMNS],
    ["/api/v1/users", USER_COLUMNS],
    ["/api/v1/user-roles", USER_ROLE_COLUMNS],
    ["/api/v1/role-holders?roles=274", ROLE_HOLDER_COLUMNS],
    ["/api/v1/roles", ROLE_CATALOGUE_COLUMNS],
    ["/api/v1/role-changes?since=2026-01-01", ROLE_CHANGE_COLUMNS],
    ["/api/v1/access-issues", ACCESS_FINDING_COLUMNS],
  ];

  it.each(routes)("%s answers exactly the shared columns, in order", async (path, columns) => {
    const { status, body } = await callApi(gateway, token, path);
    expect(status).toBe(200);
    expect(body.columns).toEqual(Object.values(columns));
  });

  it("the task pane reads every division's code and name from the gateway's answer", async () => {
    const { body } = await callApi(gateway, token, "/api/v1/divisions?scope=license");
    const options = divisionOptions(body);
    expect(options.length).toBe(body.rows.length);
    expect(options.length).toBeGreaterThan(1);
    for (const option of options) {
      const division = sim.data.divisions.find((candidate) => candidate.code === option.code);
      expect(option).toEqual({ code: division?.code, name: division?.description });
    }
  });

  it("finds code and name by their names wherever they stand, not by the first number or text column", () => {
    const table = {
      columns: [
        DIVISION_COLUMNS.hid,
        DIVISION_COLUMNS.country,
        DIVISION_COLUMNS.division,
        DIVISION_COLUMNS.name,
      ],
      rows: [[9, "NL", 101, "Bakkerij"]],
      asOf: "2026-11-21T10:00:00.000Z",
      divisions: [101],
      divisionSource: "all" as const,
      cached: false,
    };
    expect(divisionOptions(table)).toEqual([{ code: 101, name: "Bakkerij" }]);
  });
});
