/**
 * The HTTP front: routes a request, applies latency and injected faults to API calls, writes the answer
 * and logs it. Plain node:http so hangs and dropped connections are real. No CORS headers, ever
 * (reference §2: none seen from Exact).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Socket } from "node:net";
import type { RequestKind } from "./log";
import { authorize } from "./oauth/authorize";
import { tokenEndpoint } from "./oauth/tokenEndpoint";
import { errorResponse, handleApi } from "./rest/api";
import { xmlDivisions } from "./rest/xmlDivisions";
import type { SimResponse, SimulatorState } from "./state";

const MAX_BODY = 1_000_000;

interface Outcome {
  response: SimResponse | null;
  kind: RequestKind;
  endpoint?: string | null;
  division?: number | null;
  clientId?: string | null;
  userId?: string | null;
  grantType?: string | null;
  fault?: string | null;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) reject(new Error("Request body too large"));
      else chunks.push(chunk);
    });
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

async function readForm(request: IncomingMessage): Promise<URLSearchParams> {
  const body = await readBody(request);
  const type = (request.headers["content-type"] ?? "").toLowerCase();
  return type.includes("application/x-www-form-urlencoded")
    ? new URLSearchParams(body)
    : new URLSearchParams();
}

/** `Date` is on the simulator's clock, like the reset times in its rate-limit headers. */
function send(res: ServerResponse, response: SimResponse, now: number): void {
  const body = Buffer.from(response.body, "utf8");
  res.writeHead(response.status, {
    Date: new Date(now).toUTCString(),
    ...response.headers,
    "Content-Length": String(body.length),
  });
  res.end(body);
}

export class SimulatorServer {
  /** Sockets of requests left hanging on purpose, destroyed on close. */
  readonly hanging = new Set<Socket>();

  constructor(private readonly state: SimulatorState) {}

  readonly handle = (req: IncomingMessage, res: ServerResponse): void => {
    const started = this.state.clock.now();
    const url = new URL(req.url ?? "/", "http://simulator.invalid");
    this.route(req, url)
      .catch((error: unknown): Outcome => {
        // A simulator bug (or an oversized body): say so on stderr rather than hide it behind the 500.
        process.stderr.write(
          `simulator: ${req.method} ${url.pathname} failed: ${(error as Error).message}\n`,
        );
        return {
          kind: "other",
          response: { status: 500, headers: { "Content-Type": "text/plain" }, body: "Internal Server Error" },
        };
      })
      .then((outcome) => {
        if (outcome.response) send(res, outcome.response, this.state.clock.now());
        this.state.log.add({
          time: started,
          method: req.method ?? "GET",
          path: url.pathname,
          query: url.search,
          kind: outcome.kind,
          endpoint: outcome.endpoint ?? null,
          division: outcome.division ?? null,
          clientId: outcome.clientId ?? null,
          userId: outcome.userId ?? null,
          status: outcome.response?.status ?? 0,
          fault: outcome.fault ?? null,
          grantType: outcome.grantType ?? null,
        });
      });
  };

  private async route(req: IncomingMessage, url: URL): Promise<Outcome> {
    const method = req.method ?? "GET";
    const path = url.pathname;
    if (path === "/api/oauth2/auth") {
      if (method === "GET")
        return { kind: "authorize", response: authorize(this.state, url.searchParams, "GET") };
      if (method === "POST")
        return { kind: "authorize", response: authorize(this.state, await readForm(req), "POST") };
      return { kind: "authorize", response: { status: 405, headers: { Allow: "GET, POST" }, body: "" } };
    }
    if (path === "/api/oauth2/token") {
      if (method !== "POST")
        return { kind: "token", response: { status: 405, headers: { Allow: "POST" }, body: "" } };
      const result = tokenEndpoint(this.state, await readForm(req));
      return { kind: "token", ...result };
    }
    if (path.startsWith("/api/v1/") || path === "/docs/XMLDivisions.aspx") {
      return this.apiWithFaults(req, url);
    }
    return {
      kind: "other",
      response: { status: 404, headers: { "Content-Type": "text/plain" }, body: "Not Found" },
    };
  }

  private async apiWithFaults(req: IncomingMessage, url: URL): Promise<Outcome> {
    const xml = url.pathname === "/docs/XMLDivisions.aspx";
    const kind: RequestKind = xml ? "xml" : "api";
    const latency = this.state.faults.nextLatency();
    // Latency passes on the simulator's clock: real time normally; with a VirtualClock, benchmarks can model
    // hundreds of 120 ms calls (their overlap included) without waiting for them.
    if (latency > 0) await this.state.clock.sleep(latency);
    const fault = this.state.faults.nextFault(url.searchParams.has("$skiptoken"));
    const json = (req.headers.accept ?? "").includes("application/json");
    if (fault === "hang") {
      this.hanging.add(req.socket);
      req.socket.once("close", () => this.hanging.delete(req.socket));
      return { kind, response: null, fault };
    }
    if (fault === "drop") {
      req.socket.destroy();
      return { kind, response: null, fault };
    }
    if (fault === "500" || fault === "502" || fault === "503") {
      const texts = { "500": "Internal Server Error", "502": "Bad Gateway", "503": "Service Unavailable" };
      return { kind, response: errorResponse(Number(fault), texts[fault], json), fault };
    }
    if (fault === "401mid") return { kind, response: errorResponse(401, "Unauthorized", json), fault };
    if (req.method !== "GET") {
      return { kind, response: { status: 405, headers: { Allow: "GET" }, body: "" } };
    }
    const call = xml
      ? { ...xmlDivisions(this.state, req.headers.authorization), endpoint: "XMLDivisions", division: null }
      : handleApi(this.state, {
          path: url.pathname,
          params: url.searchParams,
          accept: req.headers.accept,
          authorization: req.headers.authorization,
        });
    let response = call.response;
    if (fault === "malformed" && response.status === 200) {
      response = { ...response, body: response.body.slice(0, Math.floor(response.body.length / 2)) };
    }
    return { kind, ...call, response, fault: fault === "malformed" ? fault : null };
  }
}
