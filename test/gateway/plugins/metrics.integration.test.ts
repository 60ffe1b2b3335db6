/**
 * Operators can see the gateway: GET /metrics (Prometheus text) moves with real calls against the
 * simulator over real HTTP — calls to Exact by status, 4xx, 429s, token refreshes, cache look-ups,
 * answer sizes, queue waits per division, process memory — and is absent unless the operator opens it
 * (own address, or the gateway's port behind a bearer token). Refusals an operator should know of are
 * logged at warn level, without tokens.
 */
import { PassThrough } from "node:stream";
import { VirtualClock } from "../../../src/shared/clock";
import { startSimulator, type RunningSimulator } from "../../../src/simulator";
import { authorizeElsewhere } from "../../support/chainAtExact";
import { signInTestUser, startTestGateway, type TestGateway } from "../../support/gateway";

const METRICS_TOKEN = "m".repeat(20) + "0123456789abcdef";

/** The value of one sample line, e.g. `eol_exact_calls_total{status_class="2xx"}`; 0 when absent. */
function sample(text: string, series: string): number {
  const line = text.split("\n").find((candidate) => candidate.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

async function scrape(url: string, token: string | null = METRICS_TOKEN): Promise<Response> {
  return fetch(url, token === null ? {} : { headers: { authorization: `Bearer ${token}` } });
}

describe("GET /metrics behind the operator's token, after real calls", () => {
  let clock: VirtualClock;
  let sim: RunningSimulator;
  let gateway: TestGateway;
  const lines: string[] = [];

  beforeAll(async () => {
    clock = new VirtualClock();
    // A small day budget, so another app can spend it behind the gateway's back.
    sim = await startSimulator({ clock, autoApprove: true, dataset: "demo", seed: 1, dayLimit: 40 });
    const logStream = new PassThrough();
    logStream.on("data", (chunk: Buffer) => lines.push(chunk.toString("utf8")));
    gateway = await startTestGateway(
      { EOL_METRICS_TOKEN: METRICS_TOKEN, LOG_LEVEL: "warn" },
      { clock, simulator: sim, logStream },
    );
  });
  afterAll(async () => {
    await gateway.close();
    await sim.close();
  });

  test("the counters move with the calls, and the warnings name what happened without secrets", async () => {
    const { sessionToken, session } = await signInTestUser(gateway);
    const division = session.currentDivision!;
    const api = (path: string, headers: Record<string, string> = {}) =>
      fetch(`${gateway.url}/api/v1/${path}`, {
        headers: { authorization: `Bearer ${sessionToken}`, ...headers },
      });
    const accounts = `query?resource=crm/Accounts&select=ID,Name&division=${division}`;

    const before = await (await scrape(`${gateway.url}/metrics`)).text();
    expect((await api(accounts)).status).toBe(200); // fetched
    expect((await api(accounts)).status).toBe(200); // from the cache
    expect((await api(`query?resource=crm/NoSuchThing&select=ID&division=${division}`)).status).toBe(404);
    // Near the end of the access token's life the next call refreshes it first.
    clock.advance(595_000);
    expect((await api(accounts, { "cache-control": "no-cache" })).status).toBe(200);

    // Exact down: the retries run out (past the no-cache minimum age, so the request goes to Exact).
    clock.advance(11_000);
    sim.setFaults("503:1");
    const down = await api(accounts, { "cache-control": "no-cache" });
    sim.setFaults(null);
    expect((await down.json()).error.code).toBe("exact_unavailable");

    // Another app with the same user spends the division's day at Exact: the gateway's next call gets a 429.
    const accessToken = await gateway.app.tokens.getAccessToken(
      (
        await gateway.app.sessions.resolve({
          headers: { authorization: `Bearer ${sessionToken}` },
          eolStoredSession: null,
        })
      ).chainId,
    );
    for (let call = 0; call < 50; call += 1) {
      const direct = await fetch(`${sim.url}/api/v1/${division}/crm/Accounts?$select=ID`, {
        headers: { authorization: `Bearer ${accessToken}`, accept: "application/json" },
      });
      if (direct.status === 429) break;
    }
    const refused = await api(accounts, { "cache-control": "no-cache" });
    expect(refused.status).toBe(429);
    expect((await refused.json()).error.code).toBe("daily_limit_reached");

    // Another sign-in of the same user and app ends the gateway's chain at Exact.
    await authorizeElsewhere(sim, gateway.url);
    clock.advance(595_000);
    expect((await api("me")).status).toBe(401);

    const answer = await scrape(`${gateway.url}/metrics`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await answer.text();
    const moved = (series: string) => sample(text, series) - sample(before, series);
    expect(moved('eol_exact_calls_total{status_class="2xx"}')).toBeGreaterThanOrEqual(2);
    expect(moved('eol_exact_calls_total{status_class="4xx"}')).toBeGreaterThanOrEqual(2);
    expect(moved('eol_exact_calls_total{status_class="5xx"}')).toBe(gateway.config.exactRetries + 1);
    expect(moved('eol_exact_client_errors_total{status="404"}')).toBe(1);
    expect(moved('eol_exact_client_errors_total{status="429"}')).toBe(1);
    expect(moved("eol_exact_rate_limited_total")).toBe(1);
    expect(moved('eol_token_refreshes_total{outcome="ok"}')).toBe(1);
    expect(moved('eol_token_refreshes_total{outcome="chain_ended"}')).toBe(1);
    expect(moved('eol_cache_lookups_total{result="hit"}')).toBe(1);
    expect(moved('eol_cache_lookups_total{result="miss"}')).toBeGreaterThanOrEqual(3);
    expect(sample(text, "eol_cache_entries")).toBeGreaterThanOrEqual(1);
    expect(sample(text, "eol_cache_bytes")).toBeGreaterThan(0); // the cache is sized by bytes (EOL_CACHE_MAX_BYTES)
    expect(moved("eol_answer_bytes_count")).toBeGreaterThanOrEqual(6);
    expect(moved("eol_answer_bytes_sum")).toBeGreaterThan(100);
    expect(moved(`eol_scheduler_wait_seconds_count{division="${division}"}`)).toBeGreaterThanOrEqual(4);
    expect(sample(text, "process_resident_memory_bytes")).toBeGreaterThan(10_000_000);

    const warnings = lines
      .join("")
      .split("\n")
      .filter((line) => line.includes('"level":40'));
    expect(warnings.some((line) => /daily_limit_reached/.test(line))).toBe(true);
    expect(warnings.some((line) => /exact_unavailable.*Exact Online is unreachable/.test(line))).toBe(true);
    expect(warnings.some((line) => /A token chain ended/.test(line))).toBe(true);
    const logged = lines.join("");
    for (const secret of [sessionToken, accessToken, METRICS_TOKEN]) expect(logged).not.toContain(secret);
  });

  test("without the token, or with a wrong one, /metrics is refused", async () => {
    for (const token of [null, "wrong", METRICS_TOKEN.slice(0, -1), `${METRICS_TOKEN}x`]) {
      const answer = await scrape(`${gateway.url}/metrics`, token);
      expect(answer.status).toBe(401);
      expect(await answer.json()).toEqual({ error: { code: "not_signed_in", message: expect.any(String) } });
    }
  });
});

test("off by default: no /metrics", async () => {
  const gateway = await startTestGateway({ EOL_DEMO: "0" });
  try {
    const answer = await scrape(`${gateway.url}/metrics`);
    expect(answer.status).toBe(404);
    expect(gateway.app.metrics.address()).toBeNull();
  } finally {
    await gateway.close();
  }
});

test("EOL_METRICS_LISTEN serves /metrics on its own address only, with the token when one is set", async () => {
  const gateway = await startTestGateway({
    EOL_DEMO: "0",
    EOL_METRICS_LISTEN: "127.0.0.1:0",
    EOL_METRICS_TOKEN: METRICS_TOKEN,
  });
  try {
    const own = gateway.app.metrics.address()!;
    const url = `http://127.0.0.1:${own.port}/metrics`;
    expect((await scrape(url, null)).status).toBe(401);
    const answer = await scrape(url);
    expect(answer.status).toBe(200);
    expect(sample(await answer.text(), "process_resident_memory_bytes")).toBeGreaterThan(0);
    expect((await scrape(`http://127.0.0.1:${own.port}/healthz`)).status).toBe(404);
    // Not on the gateway's own port.
    expect((await scrape(`${gateway.url}/metrics`)).status).toBe(404);
  } finally {
    await gateway.close();
  }
});
