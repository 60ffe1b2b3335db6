/**
 * Blank cells arrive differently per platform: null on Excel for the web, 0 on Windows desktop, alone
 * or inside a range (office-js #4702, #5262). Each argument gets both shapes here and must send the
 * same request to the gateway (a real loopback server's request log) and spill the same table.
 */
import * as EOL from "../../../src/addin/functions/functions";
import { dataServices } from "../../../src/addin/data/services";
import { STUB_TOKEN, startStubGateway, type StubGateway } from "../../support/addin/stubGateway";
import { connectTo } from "../../support/addin/setup";

let stub: StubGateway;
beforeAll(async () => {
  stub = await startStubGateway();
  await connectTo(stub.baseUrl, STUB_TOKEN);
});
afterAll(() => stub.close());

type Shape = "web" | "windows";
/** An empty cell as each platform passes it. */
const EMPTY: Record<Shape, unknown> = { web: null, windows: 0 };
const range = (shape: Shape, ...cells: unknown[]) => cells.map((cell) => [cell ?? EMPTY[shape]]);

const cases: [string, (shape: Shape) => Promise<unknown[][]>, Record<string, string>][] = [
  [
    "DIVISIONS(headers → empty cell) keeps the header row",
    (s) => EOL.divisions(EMPTY[s], null),
    { scope: "accessible" },
  ],
  [
    "DIVISIONS(, scope → empty cell) is accessible",
    (s) => EOL.divisions(true, EMPTY[s]),
    { scope: "accessible" },
  ],
  ["USERS(B1 empty) is the current division", (s) => EOL.users(EMPTY[s], null), {}],
  ["USERS(B1 as 1×1 range, empty) is the current division", (s) => EOL.users([[EMPTY[s]]], null), {}],
  [
    "USERROLES(A2:A6 with trailing blanks) skips them",
    (s) => EOL.userRoles(range(s, 101, 102, null, null, null), null as never, null, null),
    { divisions: "101,102", activeOnly: "true" },
  ],
  [
    "USERROLES(all blank range) is the current division",
    (s) => EOL.userRoles(range(s, null, null), null as never, null, null),
    { activeOnly: "true" },
  ],
  [
    "USERROLES(, role range with blanks, activeOnly → empty, headers → empty)",
    (s) => EOL.userRoles(null as never, range(s, 274, null), EMPTY[s], EMPTY[s]),
    { role: "274", activeOnly: "true" },
  ],
  [
    "ROLEHOLDERS(role range with blanks, divisions range with blanks)",
    (s) => EOL.roleHolders(range(s, 274, null), range(s, null, 103), EMPTY[s]),
    { roles: "274", divisions: "103" },
  ],
  [
    "QUERY(select row with blanks; filter, division, orderby, top, headers → empty cells)",
    (s) =>
      EOL.query(
        "crm/Accounts",
        [["Code", "Name", EMPTY[s]]],
        EMPTY[s],
        EMPTY[s],
        EMPTY[s],
        EMPTY[s],
        EMPTY[s],
      ),
    { resource: "crm/Accounts", select: "Code,Name" },
  ],
];

describe("an empty cell means the same on Windows (0) and on the web (null)", () => {
  test.each(cases)("%s", async (_label, call, query) => {
    const answers: Record<Shape, { query: Record<string, string>; cells: unknown[][] }> = {} as never;
    for (const shape of ["web", "windows"] as Shape[]) {
      stub.requests.length = 0;
      dataServices().tables.clear(); // each shape must reach the gateway itself
      const cells = await call(shape);
      expect(stub.requests).toHaveLength(1);
      answers[shape] = { query: stub.requests[0].query, cells };
    }
    expect(answers.web.query).toEqual(query);
    expect(answers.windows).toEqual(answers.web);
  });

  test("an empty headers cell keeps the header row on both platforms", async () => {
    for (const empty of [null, 0]) expect((await EOL.divisions(empty, null))[0][0]).toBe("Division");
    expect((await EOL.divisions(false, null))[0][0]).toBe(101);
  });
});
