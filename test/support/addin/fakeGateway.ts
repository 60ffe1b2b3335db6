/**
 * A stand-in for the gateway's HTTP API behind GatewayClient's fetchImpl: routes by "METHOD /path"
 * (or "METHOD /path/:id" for any last segment), records every request (so tests can inspect bodies),
 * answers JSON like the real gateway.
 */
import type {
  AuthConfig,
  RedeemResponse,
  SessionInfo,
  StatusResponse,
  TableResponse,
} from "../../../src/shared/api";
import { GatewayClient } from "../../../src/addin/data/gatewayClient";
import { sessionTokens } from "../../../src/addin/session/tokenStore";
import { DIVISION_COLUMNS } from "../../../src/shared/rules/tableColumns";

export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
}

export type Handler = (
  request: RecordedRequest,
) => { status: number; body?: unknown } | Promise<{ status: number; body?: unknown }>;

export const ORIGIN = "http://localhost";

export const session: SessionInfo = {
  user: { id: "u1", fullName: "Jan de Vries", userName: "jan@example.nl", email: "jan@example.nl" },
  country: "nl",
  clientIdMasked: "3f1c…4e5f",
  currentDivision: 101,
  managed: false,
};

export const unmanagedConfig: AuthConfig = {
  managed: false,
  redirectUri: `${ORIGIN}/auth/callback`,
  countries: ["nl", "be", "de", "fr", "uk", "es", "us", "demo"],
};

/** A gateway with its demo off (as with EOL_DATABASE_URL): only Exact's countries. */
export const exactOnlyConfig: AuthConfig = {
  ...unmanagedConfig,
  countries: unmanagedConfig.countries.filter((country) => country !== "demo"),
};

export const divisionsTable: TableResponse = {
  // The gateway's own columns (the pane finds code and name by these names).
  columns: [DIVISION_COLUMNS.division, DIVISION_COLUMNS.hid, DIVISION_COLUMNS.country, DIVISION_COLUMNS.name],
  rows: [
    [101, 1, "NL", "Bakkerij Jansen BV"],
    [102, 2, "NL", "Jansen Holding"],
  ],
  asOf: "2026-11-21T10:00:00.000Z",
  divisions: [101, 102],
  divisionSource: "all",
  cached: false,
};

export const statusWithBudgets: StatusResponse = {
  budgets: [
    {
      division: 101,
      minuteLimit: 60,
      minuteRemaining: 57,
      minuteResetAt: null,
      dayLimit: 5000,
      dayRemaining: 4990,
      dayResetAt: null,
    },
  ],
  cache: { entries: 3, oldestAsOf: "2026-11-21T09:00:00.000Z", newestAsOf: "2026-11-21T10:00:00.000Z" },
};

export function apiError(status: number, code: string, message: string) {
  return { status, body: { error: { code, message } } };
}

export function fakeGateway(routes: Record<string, Handler>) {
  const requests: RecordedRequest[] = [];
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input));
    const method = init?.method ?? "GET";
    const request: RecordedRequest = {
      method,
      path: url.pathname + url.search,
      headers: { ...((init?.headers as Record<string, string>) ?? {}) },
      body: typeof init?.body === "string" ? JSON.parse(init.body) : undefined,
    };
    requests.push(request);
    const handler =
      routes[`${method} ${url.pathname}`] ?? routes[`${method} ${url.pathname.replace(/[^/]+$/, ":id")}`];
    const answer = handler
      ? await handler(request)
      : apiError(404, "not_found", `No route ${method} ${url.pathname}`);
    return {
      ok: answer.status >= 200 && answer.status < 300,
      status: answer.status,
      json: async () => answer.body ?? null,
    } as Response;
  }) as typeof fetch;
  return { client: new GatewayClient({ baseUrl: ORIGIN, fetchImpl, tokens: sessionTokens }), requests };
}

/** The routes of a gateway that accepts a login and redeems it for "tok-123". */
export function signInRoutes(config: AuthConfig = unmanagedConfig): Record<string, Handler> {
  return {
    "GET /auth/config": () => ({ status: 200, body: config }),
    "POST /auth/logins": () => ({
      status: 201,
      body: {
        loginId: "login-1",
        startUrl: `${ORIGIN}/auth/logins/login-1/start`,
        expiresAt: "2026-11-21T10:10:00Z",
      },
    }),
    "POST /auth/logins/login-1/redeem": () => ({
      status: 200,
      body: { sessionToken: "tok-123", session } satisfies RedeemResponse,
    }),
    "GET /auth/session": (request) =>
      request.headers.authorization === "Bearer tok-123"
        ? { status: 200, body: session }
        : apiError(401, "not_signed_in", "Sign in."),
    "DELETE /auth/session": () => ({ status: 204 }),
    "GET /api/v1/divisions": () => ({ status: 200, body: divisionsTable }),
    "GET /api/v1/status": () => ({ status: 200, body: statusWithBudgets }),
  };
}

/** A popup as window.open returns it; `closed` flips when the test (the "user") closes it. */
export function fakePopup() {
  return {
    closed: false,
    location: { href: "" },
    close() {
      this.closed = true;
    },
  };
}

export function postCompletion(data: unknown, origin = ORIGIN): void {
  window.dispatchEvent(new MessageEvent("message", { data, origin }));
}
