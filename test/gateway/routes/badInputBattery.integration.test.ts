/**
 * Issue 13 (10, 11, 13): a battery of bad input across every route — each answer a clear 4xx in the
 * JSON error shape, nothing stored, nothing sent to Exact — plus the HTTP-level cases (path traversal,
 * __proto__, form bodies) and Cache-Control: no-store on every /api and /auth answer. Through inject;
 * oversized headers need Node's HTTP parser, so that case is in test/gateway/socket.integration.test.ts.
 */
import { newLoginSecret, startRig, storedRows, type Rig } from "../../support/signInRig";
import { signInTestUser } from "../../support/gateway";

let rig: Rig;
let token: string;
let loginId: string;

beforeAll(async () => {
  rig = await startRig();
  token = (await signInTestUser(rig.gateway)).sessionToken;
  // Warm the caller's division list, so division checks below need no call to Exact.
  await rig.gateway.fetch(`${rig.gateway.url}/api/v1/users`, {
    headers: { authorization: `Bearer ${token}` },
  });
  await rig.gateway.fetch(`${rig.gateway.url}/api/v1/users?division=1`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const created = await rig.gateway.fetch(`${rig.gateway.url}/auth/logins`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ loginSecret: newLoginSecret(), country: "demo" }),
  });
  loginId = ((await created.json()) as { loginId: string }).loginId;
});
afterAll(() => rig.close());

interface Case {
  name: string;
  method?: string;
  path: string | (() => string);
  body?: string;
  contentType?: string;
  auth?: "session" | "none" | string;
  status?: number;
}

const enc = encodeURIComponent;
const GUID = "3f1c0d2e-8a4b-4c6d-9e0f-1a2b3c4d5e6f";

function apiCases(): Case[] {
  const cases: Case[] = [];
  const routes: Record<string, string[]> = {
    "/api/v1/me": [],
    "/api/v1/divisions": ["scope"],
    "/api/v1/users": ["division"],
    "/api/v1/user-roles": ["divisions", "role", "activeOnly"],
    "/api/v1/role-holders": ["roles", "divisions"],
    "/api/v1/query": ["resource", "select", "filter", "orderby", "top", "division"],
    "/api/v1/status": [],
  };
  for (const route of Object.keys(routes)) {
    cases.push({ name: `${route} without a session`, path: route, auth: "none", status: 401 });
    cases.push({ name: `${route} with a malformed token`, path: route, auth: "Bearer short", status: 401 });
    cases.push({
      name: `${route} with an unknown token`,
      path: route,
      auth: `Bearer ${"x".repeat(43)}`,
      status: 401,
    });
    cases.push({ name: `${route} with Basic auth`, path: route, auth: "Basic dXNlcjpwdw==", status: 401 });
    cases.push({ name: `${route} with an unknown parameter`, path: `${route}?colour=red`, status: 400 });
    cases.push({ name: `${route} with __proto__ as a parameter`, path: `${route}?__proto__=1`, status: 400 });
    cases.push({
      name: `${route} with constructor as a parameter`,
      path: `${route}?constructor=1`,
      status: 400,
    });
    cases.push({
      name: `${route} by POST`,
      method: "POST",
      path: route,
      body: "{}",
      contentType: "application/json",
      status: 404,
    });
  }
  const divisionValues = [
    "abc",
    "-1",
    "0",
    "1.5",
    "1e3",
    "1,,x",
    "all,1",
    "99999999999",
    "0x10",
    "1;2",
    " , ",
    "１",
  ];
  for (const route of [
    "/api/v1/users",
    "/api/v1/user-roles",
    "/api/v1/role-holders?roles=274&x=",
    "/api/v1/query?resource=crm/Accounts&select=ID&x=",
  ]) {
    for (const value of divisionValues) {
      const param = route.includes("user-roles") || route.includes("role-holders") ? "divisions" : "division";
      const base = route.replace(/&x=$/, "");
      const joiner = base.includes("?") ? "&" : "?";
      cases.push({
        name: `${base} ${param}=${value}`,
        path: `${base}${joiner}${param}=${enc(value)}`,
        status: 400,
      });
    }
  }
  cases.push({ name: "users: division twice", path: "/api/v1/users?division=1&division=2", status: 400 });
  cases.push({
    name: "users: division and divisions",
    path: "/api/v1/users?division=1&divisions=2",
    status: 400,
  });
  cases.push({
    name: "divisions: scope=everything",
    path: "/api/v1/divisions?scope=everything",
    status: 400,
  });
  cases.push({
    name: "divisions: scope twice",
    path: "/api/v1/divisions?scope=license&scope=license",
    status: 400,
  });
  for (const role of ["x", "0", "-5", "1.5", "1,x,2", "9999999999"]) {
    cases.push({
      name: `user-roles role=${role}`,
      path: `/api/v1/user-roles?role=${enc(role)}`,
      status: 400,
    });
    cases.push({
      name: `role-holders roles=${role}`,
      path: `/api/v1/role-holders?roles=${enc(role)}`,
      status: 400,
    });
  }
  cases.push({ name: "role-holders without roles", path: "/api/v1/role-holders", status: 400 });
  for (const value of ["maybe", "2", "yes please"]) {
    cases.push({
      name: `user-roles activeOnly=${value}`,
      path: `/api/v1/user-roles?activeOnly=${enc(value)}`,
      status: 400,
    });
  }
  const query = "/api/v1/query?resource=crm/Accounts";
  for (const [name, tail] of [
    ["no select", ""],
    ["select *", "&select=*"],
    ["top=-1", "&select=ID&top=-1"],
    ["top=abc", "&select=ID&top=abc"],
    ["filter with &", `&select=ID&filter=${enc("a eq 1&$top=1")}`],
    ["unbalanced quote", `&select=ID&filter=${enc("Name eq 'x")}`],
    ["control character", `&select=ID&filter=${enc("Code eq 1\r\nX: y")}`],
    ["orderby injection", `&select=ID&orderby=${enc("Name&$expand=x")}`],
  ]) {
    cases.push({ name: `query: ${name}`, path: `${query}${tail}`, status: 400 });
  }
  for (const resource of [
    "https://evil.example/x",
    "//evil/x",
    "crm/../x",
    "crm%2fAccounts",
    "crm\\A",
    "crm",
    "a/B/C/D",
  ]) {
    cases.push({
      name: `query resource ${resource}`,
      path: `/api/v1/query?resource=${enc(resource)}&select=ID`,
      status: 400,
    });
  }
  cases.push({
    name: "cache: DELETE with a parameter",
    method: "DELETE",
    path: "/api/v1/cache?all=1",
    status: 400,
  });
  cases.push({
    name: "cache: DELETE without a session",
    method: "DELETE",
    path: "/api/v1/cache",
    auth: "none",
    status: 401,
  });
  cases.push({ name: "unknown API route", path: "/api/v1/nothing", status: 404 });
  cases.push({ name: "unknown API version", path: "/api/v2/me", status: 404 });
  return cases;
}

function authCases(): Case[] {
  const json = "application/json";
  const logins = (body: unknown, name: string, status = 400, contentType = json): Case => ({
    name: `POST /auth/logins ${name}`,
    method: "POST",
    path: "/auth/logins",
    body: typeof body === "string" ? body : JSON.stringify(body),
    contentType,
    auth: "none",
    status,
  });
  const good = () => ({
    loginSecret: newLoginSecret(),
    country: "nl",
    clientId: GUID,
    clientSecret: "s3cret",
  });
  const cases: Case[] = [
    logins({ ...good(), clientId: "nope" }, "with a bad client ID"),
    logins({ ...good(), country: "xx" }, "with an unknown country"),
    logins({ ...good(), country: 7 }, "with a numeric country"),
    logins({ ...good(), loginSecret: "short" }, "with a short login secret"),
    logins({ ...good(), loginSecret: undefined }, "without a login secret"),
    logins({ ...good(), extra: 1 }, "with an unknown field"),
    logins(
      { ...good(), redirectUri: "https://attacker.example/auth/callback" },
      "with a foreign redirect URI",
    ),
    logins({ ...good(), redirectUri: "http://eol.example.com/auth/callback" }, "with an http redirect URI"),
    logins({ ...good(), redirectUri: "javascript:alert(1)" }, "with a javascript: redirect URI"),
    logins({ ...good(), clientSecret: "two words" }, "with a spaced secret"),
    logins('{"loginSecret":"' + "a".repeat(40) + '","__proto__":{"admin":true}}', "with __proto__"),
    logins(
      '{"loginSecret":"' + "a".repeat(40) + '","constructor":{"prototype":{"x":1}}}',
      "with constructor.prototype",
    ),
    logins("{not json", "with broken JSON"),
    logins("[]", "with an array"),
    logins("null", "with null"),
    logins('"text"', "with a string"),
    logins("", "with an empty JSON body"),
    logins("loginSecret=x&country=nl", "as a form", 415, "application/x-www-form-urlencoded"),
    logins("<login/>", "as XML", 415, "application/xml"),
    logins("--b\r\n\r\n--b--", "as multipart", 415, "multipart/form-data; boundary=b"),
    logins({ ...good(), clientSecret: "x".repeat(20_000) }, "too large", 413),
  ];
  const redeem = (body: unknown, name: string, id = () => loginId, status = 400): Case => ({
    name: `redeem ${name}`,
    method: "POST",
    path: () => `/auth/logins/${id()}/redeem`,
    body: JSON.stringify(body),
    contentType: json,
    auth: "none",
    status,
  });
  cases.push(
    redeem({ loginSecret: newLoginSecret(), completionCode: "x", admin: true }, "with an unknown field"),
    redeem({}, "without a login secret"),
    redeem({ loginSecret: 5 }, "with a numeric login secret"),
    redeem({ loginSecret: newLoginSecret() }, "with the wrong login secret", () => loginId, 403),
    redeem({ loginSecret: newLoginSecret() }, "of an unknown login", () => "A".repeat(22), 404),
    redeem({ loginSecret: newLoginSecret() }, "of a malformed login ID", () => "..%2f..", 404),
  );
  const session = (method: string, query: string, name: string, status = 400): Case => ({
    name: `${method} /auth/session ${name}`,
    method,
    path: `/auth/session${query}`,
    status,
  });
  cases.push(
    session("DELETE", "?all=maybe", "all=maybe"),
    session("DELETE", "?all=1", "all=1"),
    session("DELETE", "?all=TRUE", "all=TRUE"),
    session("DELETE", "?all=", "all empty"),
    session("DELETE", "?all=true&all=false", "all twice"),
    session("DELETE", "?everyone=true", "an unknown parameter"),
    { name: "GET /auth/session without a session", path: "/auth/session", auth: "none", status: 401 },
    {
      name: "DELETE /auth/session without a session",
      method: "DELETE",
      path: "/auth/session",
      auth: "none",
      status: 401,
    },
    {
      name: "GET /auth/session with an unknown token",
      path: "/auth/session",
      auth: `Bearer ${"y".repeat(43)}`,
      status: 401,
    },
    {
      name: "PUT /auth/logins",
      method: "PUT",
      path: "/auth/logins",
      body: "{}",
      contentType: json,
      auth: "none",
      status: 404,
    },
    { name: "unknown /auth route", path: "/auth/nothing", auth: "none", status: 404 },
  );
  return cases;
}

function staticCases(): Case[] {
  return [
    "/..%2f..%2fetc%2fpasswd",
    "/%2e%2e/%2e%2e/etc/passwd",
    "/taskpane.html/..%2f..%2f..%2fetc%2fpasswd",
    "/assets/..%2f..%2fpackage.json",
    "/..%5c..%5cwindows%5cwin.ini",
    "/nothing-here.html",
    "/.env",
    "/.git/config",
  ].map((path) => ({ name: `static ${path}`, path, auth: "none" }));
}

const ALL = [...apiCases(), ...authCases(), ...staticCases()];

test("the battery has at least 120 cases", () => {
  expect(ALL.length).toBeGreaterThanOrEqual(120);
});

test.each(ALL.map((c) => [c.name, c] as const))(
  "%s → a clear 4xx, nothing stored or sent",
  async (_name, c) => {
    const before = storedRows(rig.gateway.dataDir);
    rig.sim.log.reset();
    const headers: Record<string, string> = {};
    const auth = c.auth ?? "session";
    if (auth === "session") headers.authorization = `Bearer ${token}`;
    else if (auth !== "none") headers.authorization = auth;
    if (c.contentType) headers["content-type"] = c.contentType;
    const path = typeof c.path === "function" ? c.path() : c.path;
    const res = await rig.gateway.fetch(`${rig.gateway.url}${path}`, {
      method: c.method ?? "GET",
      headers,
      body: c.body,
    });
    if (c.status !== undefined) expect(res.status).toBe(c.status);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toMatch(/^[a-z_]+$/);
    expect(body.error.message.length).toBeGreaterThan(10);
    expect(JSON.stringify(body)).not.toMatch(/s3cret|at .*\.js:\d+|node_modules/);
    expect(storedRows(rig.gateway.dataDir)).toEqual(before);
    expect(rig.sim.log.count({ kind: "api" })).toBe(0);
  },
);

describe("HTTP-level hardening", () => {
  it("a path outside the add-in's files is 403 or 404 in the JSON shape, never 500", async () => {
    const res = await rig.gateway.fetch(`${rig.gateway.url}/..%2f..%2fetc%2fpasswd`);
    expect([403, 404]).toContain(res.status);
    expect(((await res.json()) as { error: { code: string } }).error.code).toMatch(/^(forbidden|not_found)$/);
  });

  it("__proto__ in a JSON body is refused by name", async () => {
    const res = await rig.gateway.fetch(`${rig.gateway.url}/auth/logins`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: `{"loginSecret":"${"a".repeat(40)}","__proto__":{"x":1}}`,
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain("__proto__");
  });

  it("a form body is 415 unsupported_media_type", async () => {
    const res = await rig.gateway.fetch(`${rig.gateway.url}/auth/logins`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "loginSecret=x",
    });
    expect(res.status).toBe(415);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("unsupported_media_type");
  });

  it("every /api and /auth answer carries Cache-Control: no-store", async () => {
    const auth = { authorization: `Bearer ${token}` };
    const answers = await Promise.all([
      rig.gateway.fetch(`${rig.gateway.url}/api/v1/me`, { headers: auth }),
      rig.gateway.fetch(`${rig.gateway.url}/api/v1/status`, { headers: auth }),
      rig.gateway.fetch(`${rig.gateway.url}/api/v1/users?division=abc`, { headers: auth }),
      rig.gateway.fetch(`${rig.gateway.url}/api/v1/me`),
      rig.gateway.fetch(`${rig.gateway.url}/auth/config`),
      rig.gateway.fetch(`${rig.gateway.url}/auth/session`, { headers: auth }),
      rig.gateway.fetch(`${rig.gateway.url}/auth/nothing`),
    ]);
    for (const answer of answers) expect(answer.headers.get("cache-control")).toBe("no-store");
  });
});
