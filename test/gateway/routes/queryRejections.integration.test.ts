/** The query route refuses bad input with clear 400s and sends nothing to Exact for any of it. */
import { VirtualClock } from "../../../src/shared/clock";
import { startSimulator, type RunningSimulator } from "../../../src/simulator";
import { signInTestUser, buildTestGateway, type TestGateway } from "../../support/gateway";
import { callApi } from "../../support/api/callApi";

const enc = encodeURIComponent;

const BAD_INPUTS: Array<[string, string, RegExp]> = [
  [
    "another host",
    `resource=${enc("https://evil.example/api/v1/1/crm/Accounts")}&select=ID`,
    /"resource" must be a resource path, not a URL/,
  ],
  ["protocol-relative host", `resource=${enc("//evil.example/crm/Accounts")}&select=ID`, /not a URL or host/],
  ["dot-dot traversal", `resource=${enc("crm/../../oauth2/token")}&select=ID`, /'\.\.'/],
  ["encoded traversal", `resource=${enc("crm/%2e%2e/Accounts")}&select=ID`, /'%' escapes/],
  ["encoded slash", `resource=${enc("crm%2fAccounts")}&select=ID`, /'%' escapes/],
  ["backslash", `resource=${enc("crm\\Accounts")}&select=ID`, /backslashes/],
  ["query smuggled in resource", `resource=${enc("crm/Accounts?$top=1")}&select=ID`, /query options/],
  ["fragment in resource", `resource=${enc("crm/Accounts#x")}&select=ID`, /query options/],
  [
    "key lookup shape",
    `resource=${enc("crm/Accounts(guid'00000000-0000-0000-0000-000000000000')")}&select=ID`,
    /"resource" accepts an Exact resource path/,
  ],
  ["unknown shape (one segment)", `resource=crm&select=ID`, /"resource" accepts an Exact resource path/],
  [
    "unknown shape (four segments)",
    `resource=${enc("a/B/C/D")}&select=ID`,
    /"resource" accepts an Exact resource path/,
  ],
  ["oversize resource", `resource=${enc(`crm/${"A".repeat(300)}`)}&select=ID`, /"resource" is too long/],
  ["missing select", `resource=crm/Accounts`, /"select" is required/],
  ["select star", `resource=crm/Accounts&select=*`, /not \*/],
  [
    "option injected via select",
    `resource=crm/Accounts&select=${enc("ID&$expand=Lines")}`,
    /"select" accepts a comma-separated list/,
  ],
  [
    "filter with &",
    `resource=crm/Accounts&select=ID&filter=${enc("Code eq 1&$top=1")}`,
    /"filter" must be one OData filter expression/,
  ],
  [
    "filter injecting an option",
    `resource=crm/Accounts&select=ID&filter=${enc("Code eq 1 $expand=Lines")}`,
    /no &, \$/,
  ],
  [
    "filter with unbalanced quote",
    `resource=crm/Accounts&select=ID&filter=${enc("Name eq 'x")}`,
    /unbalanced quote/,
  ],
  [
    "filter with a control character",
    `resource=crm/Accounts&select=ID&filter=${enc("Code eq 1\r\nHost: evil")}`,
    /control characters/,
  ],
  [
    "oversize filter",
    `resource=crm/Accounts&select=ID&filter=${enc(`Name eq '${"x".repeat(1200)}'`)}`,
    /"filter" is too long/,
  ],
  [
    "orderby trick",
    `resource=crm/Accounts&select=ID&orderby=${enc("Name;drop")}`,
    /"orderby" accepts field names/,
  ],
  ["top out of range", `resource=crm/Accounts&select=ID&top=0`, /"top" accepts a whole number/],
  [
    "top not a number",
    `resource=crm/Accounts&select=ID&top=${enc("10 or 1")}`,
    /"top" accepts a whole number/,
  ],
  [
    "raw OData option as a parameter",
    `resource=crm/Accounts&select=ID&${enc("$filter")}=x`,
    /Unknown parameter "\$filter"/,
  ],
  [
    "repeated parameter",
    `resource=crm/Accounts&resource=crm/Items&select=ID`,
    /"resource" may be given only once/,
  ],
  [
    "bad division",
    `resource=crm/Accounts&select=ID&division=${enc("1/../2")}`,
    /"division" accepts a division code/,
  ],
];

describe("query route: strict input checks", () => {
  let sim: RunningSimulator;
  let gateway: TestGateway;
  let token: string;

  beforeAll(async () => {
    const clock = new VirtualClock();
    sim = await startSimulator({ clock, dataset: "demo", seed: 1, autoApprove: true });
    gateway = await buildTestGateway({}, { clock, simulator: sim });
    token = (await signInTestUser(gateway)).sessionToken;
    sim.log.reset();
  });
  afterAll(async () => {
    await gateway.close();
    await sim.close();
  });

  it.each(BAD_INPUTS)("refuses %s with a clear 400", async (_label, query, message) => {
    const { status, body } = await callApi(gateway, token, `/api/v1/query?${query}`);
    expect(status).toBe(400);
    expect(body.error?.code).toBe("invalid_request");
    expect(body.error?.message).toMatch(message);
    expect(body.error!.message.length).toBeLessThanOrEqual(255);
  });

  it("called Exact for none of them", () => {
    expect(BAD_INPUTS.length).toBeGreaterThanOrEqual(15);
    expect(sim.log.count({ kind: "api" })).toBe(0);
  });

  it("still answers a good query (the checks are not refusing everything)", async () => {
    const { status, body } = await callApi(
      gateway,
      token,
      "/api/v1/query?resource=system/Divisions&select=Code,Description",
    );
    expect(status).toBe(200);
    expect(body.rows.length).toBeGreaterThan(0);
    expect(sim.log.count({ kind: "api" })).toBe(1);
  });
});
