/**
 * Data-type arguments (allowCustomDataForDataTypeAny): a cell holding a data type reaches a function as
 * `{ type, basicValue, … }`. Every function, with every argument (and every cell of a range argument)
 * wrapped in each shape Excel uses, sends the gateway exactly the request the plain values send
 * (compared on a real loopback server's request log). Data types without a plain value are rejected
 * with the argument's usual #VALUE! message and nothing is sent.
 */
import * as EOL from "../../../src/addin/functions/functions";
import { startStubGateway, type StubGateway, type RecordedRequest } from "../../support/addin/stubGateway";
import { cellError, connectToStub } from "../../support/addin/setup";

let stub: StubGateway;
beforeAll(async () => {
  stub = await startStubGateway();
});
afterAll(() => stub.close());

type Plain = string | number | boolean;

/** How Excel hands over a cell holding each kind of data type (Excel's CellValue JSON). */
const SHAPES: Record<string, (value: Plain) => unknown> = {
  Double: (value) =>
    typeof value === "number"
      ? { type: "Double", basicType: "Double", basicValue: value, numberFormat: "yyyy-mm-dd" }
      : value,
  FormattedNumber: (value) =>
    typeof value === "number" ? { type: "FormattedNumber", basicValue: value, numberFormat: "0" } : value,
  String: (value) =>
    typeof value === "string" ? { type: "String", basicType: "String", basicValue: value } : value,
  Boolean: (value) =>
    typeof value === "boolean" ? { type: "Boolean", basicType: "Boolean", basicValue: value } : value,
  Entity: (value) => ({
    type: "Entity",
    text: `Entity for ${String(value)}`,
    basicValue: value,
    properties: { Value: { type: typeof value === "number" ? "Double" : "String", basicValue: value } },
  }),
};

/** Wraps every plain value of an argument (a range cell by cell); null stays an omitted argument. */
function wrap(argument: unknown, shape: (value: Plain) => unknown): unknown {
  if (Array.isArray(argument)) return argument.map((row) => wrap(row, shape));
  return argument === null ? null : shape(argument as Plain);
}

type Call = (...args: unknown[]) => Promise<unknown>;
const fn = (f: unknown) => f as Call;

/** Each function with plain arguments that exercise every parameter (ranges included). */
const CALLS: [string, Call, unknown[]][] = [
  ["DIVISIONS", fn(EOL.divisions), [false, "license"]],
  ["USERS", fn(EOL.users), [102, true]],
  ["USERROLES", fn(EOL.userRoles), [[[101], [102]], [[274, 10]], false, true]],
  ["USERROLES (texts)", fn(EOL.userRoles), ["101,102", "274", true, false]],
  ["ROLEHOLDERS", fn(EOL.roleHolders), [[[274]], "101,102", false]],
  ["ROLES", fn(EOL.roles), [[[103]], true]],
  ["ROLECHANGES (Excel date)", fn(EOL.roleChanges), [46023, [[101]], [[274]], false]],
  ["ROLECHANGES (ISO text)", fn(EOL.roleChanges), ["2026-01-01", "all", "274,10", true]],
  ["ACCESSISSUES", fn(EOL.accessIssues), [[[101, 102]], 30, false]],
  ["WHOAMI", fn(EOL.whoAmI), [false]],
  ["QUERY", fn(EOL.query), ["crm/Accounts", [["Code", "Name"]], "Status eq 'C'", 101, "Name desc", 5, false]],
];

/**
 * The requests one call sends (a fresh data layer each time: nothing cached). Whether the stand-in
 * answers the route does not matter here; an argument error sends nothing, so it shows as no request.
 */
async function requestsOf(call: () => Promise<unknown>): Promise<Omit<RecordedRequest, "authorization">[]> {
  await connectToStub(stub);
  await call().catch(() => undefined);
  return stub.requests.map(({ method, path, query, cacheControl }) => ({
    method,
    path,
    query,
    cacheControl,
  }));
}

/** Every function under every shape that wraps at least one of its arguments. */
const WRAPPED_CALLS = Object.entries(SHAPES).flatMap(([shapeName, shape]) =>
  CALLS.flatMap(([name, call, args]) => {
    const wrapped = args.map((arg) => wrap(arg, shape));
    return JSON.stringify(wrapped) === JSON.stringify(args)
      ? []
      : [[`${name} with ${shapeName} arguments`, call, args, wrapped] as const];
  }),
);

test.each(WRAPPED_CALLS)("%s sends what the plain values send", async (_name, call, args, wrapped) => {
  const plain = await requestsOf(() => call(...args));
  expect(plain.length).toBeGreaterThan(0);
  expect(await requestsOf(() => call(...wrapped))).toEqual(plain);
});

test("every shape wraps arguments of every function", () => {
  const names = (shape: string) => WRAPPED_CALLS.filter(([name]) => name.endsWith(`with ${shape} arguments`));
  for (const shape of Object.keys(SHAPES)) expect(names(shape).length).toBeGreaterThan(0);
  expect(names("Entity")).toHaveLength(CALLS.length);
});

test("a spilled EOL date fed back (=EOL.ROLECHANGES(B5)) asks for that day", async () => {
  const since = { type: "Double", basicValue: 46023, numberFormat: "yyyy-mm-dd" }; // 2026-01-01
  const requests = await requestsOf(() => EOL.roleChanges(since, null as unknown as unknown[][]));
  expect(requests.find((request) => request.path === "/api/v1/role-changes")?.query.since).toBe("2026-01-01");
});

test("data types without a plain value get the argument's #VALUE! and send nothing", async () => {
  await connectToStub(stub);
  const image = { type: "WebImage", address: "https://example.com/a.png" };
  const errorValue = { type: "Error", basicType: "Error", basicValue: "#N/A", errorType: "NotAvailable" };
  const entityWithoutValue = { type: "Entity", text: "Acme", basicType: "Error", basicValue: "#VALUE!" };
  const cases: [Promise<unknown>, string][] = [
    [EOL.users(image), "division:"],
    [EOL.roleChanges(errorValue, null as unknown as unknown[][]), "since:"],
    [EOL.roles([[entityWithoutValue]]), "divisions:"],
    [EOL.divisions({ type: "Boolean" }), "headers:"],
  ];
  for (const [call, argument] of cases) {
    const error = await cellError(call);
    expect(error.code).toBe("#VALUE!");
    expect(error.message.startsWith(argument)).toBe(true);
  }
  expect(stub.requests).toEqual([]);
});
