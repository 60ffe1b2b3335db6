/**
 * Typed client for the gateway's HTTP API (see src/shared/api.ts). Same origin as the add-in, the
 * session token as a Bearer header. Failures become GatewayRequestError with the gateway's code and
 * its user-facing message.
 */
import type {
  AccessReviewResponse,
  AuthConfig,
  LoginRequest,
  LoginStarted,
  ProgressResponse,
  RedeemRequest,
  RedeemResponse,
  SessionInfo,
  StatusResponse,
  TableResponse,
} from "../../shared/api";
import { REQUEST_ID_HEADER } from "../../shared/api";
import { isApiErrorBody, type ErrorCode } from "../../shared/errors";
import { SIGN_IN_MESSAGE } from "../../shared/rules/signInMessage";
import { RequestsInFlight } from "./requestsInFlight";

export type ClientErrorCode = ErrorCode | "network_error";

export class GatewayRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: ClientErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "GatewayRequestError";
  }
}

export type TableRoute =
  | "me"
  | "divisions"
  | "users"
  | "user-roles"
  | "role-holders"
  | "roles"
  | "role-changes"
  | "access-issues"
  | "sod-conflicts"
  | "query";
export type QueryParams = Record<string, string | number | boolean | null | undefined>;

/** Where the session token comes from; the client forgets it when the gateway says the session is gone. */
export interface SessionTokens {
  get(): Promise<string | null>;
  clear(): Promise<void>;
}

export interface GatewayClientOptions {
  tokens: SessionTokens;
  /** Defaults to this page's origin: the gateway serves the add-in. */
  baseUrl?: string;
  fetchImpl?: typeof fetch;
}

/** Session codes after which the stored token is useless: forget it so the UI shows "Sign in". */
const SESSION_GONE: ReadonlySet<ClientErrorCode> = new Set([
  "not_signed_in",
  "reauth_required",
  "session_expired",
]);

export function toQueryString(params: QueryParams): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

export class GatewayClient {
  private readonly baseUrl: string;
  private readonly fetchImpl: typeof fetch;
  private readonly tokens: SessionTokens;
  /** Table requests on their way, by the id each sent (the task pane polls their progress). */
  readonly inFlight = new RequestsInFlight();

  constructor(options: GatewayClientOptions) {
    this.tokens = options.tokens;
    this.baseUrl = (options.baseUrl ?? (typeof location !== "undefined" ? location.origin : "")).replace(
      /\/+$/,
      "",
    );
    this.fetchImpl = options.fetchImpl ?? ((input, init) => fetch(input, init));
  }

  authConfig(): Promise<AuthConfig> {
    return this.request("GET", "/auth/config", { auth: false });
  }

  startLogin(body: LoginRequest): Promise<LoginStarted> {
    return this.request("POST", "/auth/logins", { auth: false, body });
  }

  redeem(loginId: string, loginSecret: string, completionCode: string): Promise<RedeemResponse> {
    const body: RedeemRequest = { loginSecret, completionCode };
    return this.request("POST", `/auth/logins/${encodeURIComponent(loginId)}/redeem`, {
      auth: false,
      body,
    });
  }

  session(): Promise<SessionInfo> {
    return this.request("GET", "/auth/session");
  }

  async signOut(everywhere = false): Promise<void> {
    try {
      await this.request("DELETE", `/auth/session${everywhere ? "?all=true" : ""}`);
    } finally {
      await this.tokens.clear();
    }
  }

  table(
    route: TableRoute,
    params: QueryParams = {},
    options: { noCache?: boolean } = {},
  ): Promise<TableResponse> {
    return this.tracked(route, params, options);
  }

  /** The four tables of an access review from one set of role rows (the Access review sheet). */
  accessReview(params: QueryParams = {}, options: { noCache?: boolean } = {}): Promise<AccessReviewResponse> {
    return this.tracked("access-review", params, options);
  }

  /** How far the gateway's fan-out of one of this runtime's requests has come (404 when it has none). */
  progress(requestId: string): Promise<ProgressResponse> {
    return this.request("GET", `/api/v1/progress/${encodeURIComponent(requestId)}`);
  }

  /** A data request sent with a request id and listed in `inFlight` until it is answered. */
  private tracked<T>(route: string, params: QueryParams, options: { noCache?: boolean }): Promise<T> {
    return this.inFlight.track(route, (requestId) =>
      this.request<T>("GET", `/api/v1/${route}${toQueryString(params)}`, {
        noCache: options.noCache,
        requestId,
      }),
    );
  }

  status(): Promise<StatusResponse> {
    return this.request("GET", "/api/v1/status");
  }

  clearCache(): Promise<void> {
    return this.request("DELETE", "/api/v1/cache");
  }

  private async request<T>(
    method: string,
    path: string,
    options: { auth?: boolean; body?: unknown; noCache?: boolean; requestId?: string } = {},
  ): Promise<T> {
    const headers: Record<string, string> = { accept: "application/json" };
    if (options.auth !== false) {
      const token = await this.tokens.get();
      if (!token) throw new GatewayRequestError(401, "not_signed_in", SIGN_IN_MESSAGE);
      headers.authorization = `Bearer ${token}`;
    }
    if (options.body !== undefined) headers["content-type"] = "application/json";
    if (options.noCache) headers["cache-control"] = "no-cache";
    if (options.requestId) headers[REQUEST_ID_HEADER] = options.requestId;
    let response: Response;
    try {
      response = await this.fetchImpl(`${this.baseUrl}${path}`, {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
      });
    } catch {
      throw new GatewayRequestError(
        0,
        "network_error",
        "Cannot reach the EOL gateway. Check your connection and try again.",
      );
    }
    if (response.status === 204) return undefined as T;
    const payload: unknown = await response.json().catch(() => null);
    if (response.ok) return payload as T;
    const error = isApiErrorBody(payload)
      ? new GatewayRequestError(response.status, payload.error.code, payload.error.message)
      : new GatewayRequestError(
          response.status,
          "internal_error",
          `The EOL gateway answered ${response.status}.`,
        );
    if (options.auth !== false && SESSION_GONE.has(error.code)) await this.tokens.clear();
    throw error;
  }
}
