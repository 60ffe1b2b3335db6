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
  ReviewRecord,
  SessionInfo,
  SignOffRequest,
  StatusResponse,
  TableResponse,
} from "../../shared/api";
import { REQUEST_ID_HEADER } from "../../shared/api";
import { isApiErrorBody, type ErrorCode } from "../../shared/errors";
import { SIGN_IN_MESSAGE } from "../../shared/rules/signInMessage";
import { RequestsInFlight } from "./requestsInFlight";
import { describeLimit, timeLimitedSignal } from "./timeLimit";

/** The client's own codes: the gateway unreachable, no answer in time, or the caller (a cell) cancelled. */
export type ClientErrorCode = ErrorCode | "network_error" | "timed_out" | "cancelled";

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
  | "review-log"
  | "sod-conflicts"
  | "query";
export type QueryParams = Record<string, string | number | boolean | null | undefined>;

/** Where the session token comes from; the client forgets it when the gateway says the session is gone. */
export interface SessionTokens {
  get(): Promise<string | null>;
  clear(): Promise<void>;
}

/**
 * How long a request may take before it is given up: ordinary calls are quick; a table may wait for a
 * fan-out over many divisions that Exact's rate limits slow down (the pane shows its progress).
 */
export interface RequestTimeLimits {
  requestMs: number;
  tableMs: number;
}

export const DEFAULT_TIME_LIMITS: RequestTimeLimits = { requestMs: 60_000, tableMs: 10 * 60_000 };

/** Per call: a caller's signal (a cancelled cell) and whether the gateway's cache is bypassed. */
export interface TableCallOptions {
  noCache?: boolean;
  signal?: AbortSignal;
}

export interface GatewayClientOptions {
  tokens: SessionTokens;
  /** Defaults to this page's origin: the gateway serves the add-in. */
  baseUrl?: string;
  fetchImpl?: typeof fetch;
  timeLimits?: Partial<RequestTimeLimits>;
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

interface RequestOptions {
  auth?: boolean;
  body?: unknown;
  noCache?: boolean;
  requestId?: string;
  signal?: AbortSignal;
  /** A table's time limit; the client's requestMs when not given. */
  limitMs?: number;
}

/** Why a request got no answer: the time limit, the caller's cancel, or the network. */
function unanswered(limit: { timedOut: boolean; aborted: boolean; ms: number; table: boolean }): GatewayRequestError {
  if (limit.timedOut) {
    const hint = limit.table ? "; fewer divisions answer sooner" : "";
    return new GatewayRequestError(
      0,
      "timed_out",
      `The EOL gateway did not answer within ${describeLimit(limit.ms)}. Try again later${hint}.`,
    );
  }
  if (limit.aborted) {
    return new GatewayRequestError(0, "cancelled", "Cancelled: Excel no longer needs this result.");
  }
  return new GatewayRequestError(
    0,
    "network_error",
    "Cannot reach the EOL gateway. Check your connection and try again.",
  );
}

export class GatewayClient {
  private readonly baseUrl: string;
  private readonly fetchImpl: typeof fetch;
  private readonly tokens: SessionTokens;
  private readonly timeLimits: RequestTimeLimits;
  /** Table requests on their way, by the id each sent (the task pane polls their progress). */
  readonly inFlight = new RequestsInFlight();

  constructor(options: GatewayClientOptions) {
    this.tokens = options.tokens;
    this.baseUrl = (options.baseUrl ?? (typeof location !== "undefined" ? location.origin : "")).replace(
      /\/+$/,
      "",
    );
    this.fetchImpl = options.fetchImpl ?? ((input, init) => fetch(input, init));
    this.timeLimits = { ...DEFAULT_TIME_LIMITS, ...options.timeLimits };
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

  table(route: TableRoute, params: QueryParams = {}, options: TableCallOptions = {}): Promise<TableResponse> {
    return this.tracked(route, params, options);
  }

  /** The four tables of an access review from one set of role rows (the Access review sheet). */
  accessReview(params: QueryParams = {}, options: TableCallOptions = {}): Promise<AccessReviewResponse> {
    return this.tracked("access-review", params, options);
  }

  /** Signs off a served access review (POST /api/v1/reviews): the gateway records it as evidence. */
  signOff(body: SignOffRequest): Promise<ReviewRecord> {
    return this.request("POST", "/api/v1/reviews", { body });
  }

  /** How far the gateway's fan-out of one of this runtime's requests has come (404 when it has none). */
  progress(requestId: string): Promise<ProgressResponse> {
    return this.request("GET", `/api/v1/progress/${encodeURIComponent(requestId)}`);
  }

  /** A data request sent with a request id and listed in `inFlight` until it is answered. */
  private tracked<T>(route: string, params: QueryParams, options: TableCallOptions): Promise<T> {
    return this.inFlight.track(route, (requestId) =>
      this.request<T>("GET", `/api/v1/${route}${toQueryString(params)}`, {
        noCache: options.noCache,
        requestId,
        signal: options.signal,
        limitMs: this.timeLimits.tableMs,
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
    options: RequestOptions = {},
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
    const limitMs = options.limitMs ?? this.timeLimits.requestMs;
    const limit = timeLimitedSignal(limitMs, options.signal);
    let response: Response;
    let payload: unknown;
    try {
      response = await this.fetchImpl(`${this.baseUrl}${path}`, {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: limit.signal,
      });
      // A body that is not JSON counts as none; an abort while reading it ends the request.
      payload =
        response.status === 204
          ? undefined
          : await response.json().catch((error: unknown) => {
              if (limit.signal.aborted) throw error;
              return null;
            });
    } catch {
      throw unanswered({
        timedOut: limit.timedOut(),
        aborted: limit.signal.aborted,
        ms: limitMs,
        table: options.limitMs !== undefined,
      });
    } finally {
      limit.dispose();
    }
    if (response.status === 204) return undefined as T;
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
