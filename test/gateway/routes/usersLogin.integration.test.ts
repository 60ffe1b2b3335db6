/**
 * Two-step verification and login type in USERS (real gateway over inject, simulator over HTTP, demo
 * data set): expected cells from the data set, the login type from one system/Users listing shared
 * with the role routes, and Exact Identity users' e-mail as their user name everywhere.
 */
import { VirtualClock } from "../../../src/shared/clock";
import { startSimulator, type RunningSimulator, type SimUser } from "../../../src/simulator";
import { callApi, records } from "../../support/api/callApi";
import { signInTestUser, buildTestGateway, type TestGateway } from "../../support/gateway";

/** What the Login column says for the simulator's AuthenticationType values. */
const LOGIN: Record<number, string> = {
  2: "Forms",
  8: "TOTP",
  10: "Forms + TOTP",
  64: "Exact Identity (federated)",
  128: "Exact Identity",
};
const identity = (user: SimUser) => user.authenticationType >= 64;

describe("users: two-step verification and login type (demo data set)", () => {
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

  const main = () => sim.data.divisions[0].code;

  it("every user of the division with Two-step required, Two-step registered and Login from the data set", async () => {
    sim.log.reset();
    const { status, body } = await callApi(gateway, token, `/api/v1/users?division=${main()}`);
    expect(status).toBe(200);
    const expected = sim.data.users
      .filter((user) => user.divisions.includes(main()))
      .map((user) => ({
        "User ID": user.userId,
        "User name": identity(user) ? user.email : user.userName,
        "Two-step required": user.twoStepRequired,
        "Two-step registered": user.twoStepRegistered,
        Login: LOGIN[user.authenticationType],
      }))
      .sort((a, b) => a["User ID"].localeCompare(b["User ID"]));
    const got = records(body)
      .map((row) => ({
        "User ID": row["User ID"],
        "User name": row["User name"],
        "Two-step required": row["Two-step required"],
        "Two-step registered": row["Two-step registered"],
        Login: row.Login,
      }))
      .sort((a, b) => String(a["User ID"]).localeCompare(String(b["User ID"])));
    expect(got).toEqual(expected);
    // The data set is honestly varied: each value occurs, and some identity users' UserName is not their e-mail.
    expect(new Set(got.map((row) => row.Login)).size).toBe(Object.keys(LOGIN).length);
    expect(got.some((row) => row["Two-step required"] === false)).toBe(true);
    expect(got.some((row) => row["Two-step required"] === true && row["Two-step registered"] === false)).toBe(
      true,
    );
    expect(
      sim.data.users.filter((user) => identity(user) && user.userName !== user.email).length,
    ).toBeGreaterThan(1);
    // One users/Users for the division and one license-wide listing for the login types (besides the
    // check that the division may be opened).
    expect(sim.log.perEndpoint()).toMatchObject({ "users/Users": 1, "system/Users": 1 });
  });

  it("the listing is read once: role routes and other divisions reuse it; identity users show their e-mail", async () => {
    sim.log.reset();
    const roles = await callApi(gateway, token, "/api/v1/user-roles?divisions=all");
    expect(roles.status).toBe(200);
    const other = sim.data.divisions[1].code;
    expect((await callApi(gateway, token, `/api/v1/users?division=${other}`)).status).toBe(200);
    expect(sim.log.count({ endpoint: "system/Users" })).toBe(0);
    const daan = sim.data.users.find((user) => user.userName === "DBAKKER")!;
    const names = new Set(
      records(roles.body)
        .filter((row) => row["User ID"] === daan.userId)
        .map((row) => row["User name"]),
    );
    expect([...names]).toEqual([daan.email]);
  });
});
