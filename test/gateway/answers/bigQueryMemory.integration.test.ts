/**
 * The red team's big query at CI scale: two users each ask GET /api/v1/query for all 71 fields of
 * financialtransaction/TransactionLines over many of their divisions on the accountant-large data set,
 * at once, against a gateway in its own process (`npm start`'s entry point, real HTTP on loopback).
 * Without answer limits each answer is tens of MB and the process grows past 512 MiB (at the red team's
 * 200 divisions: 4.3 GiB, then "heap out of memory"). With them both get a clear 422 after a few MB,
 * the gateway stops paging, a third user keeps getting answers, and the peak RSS stays under 512 MiB.
 * The full-scale figure is in bench/RESULTS.md (bench/bigQuery.ts).
 */
import { defaultGrant, startSimulator, type RunningSimulator } from "../../../src/simulator";
import { businessBook } from "../../../src/simulator/data/business";
import { TRANSACTION_LINE } from "../../../src/simulator/rest/businessSchemas";
import { signInTestUser } from "../../support/gateway";
import { startGatewayProcess, type GatewayProcess } from "../../support/gatewayProcess";

jest.setTimeout(120_000);

const APP = { clientId: "0b6f2c1e-4d3a-4e5f-8a7b-9c0d1e2f3a4b", clientSecret: "big-query-secret" };
const RESOURCE = "financialtransaction/TransactionLines";
const DIVISIONS_PER_USER = 15;
const RSS_BOUND = 512 * 1_048_576;

let sim: RunningSimulator;
let gateway: GatewayProcess;

beforeAll(async () => {
  sim = await startSimulator({ dataset: "accountant-large", seed: 1, autoApprove: true });
  gateway = await startGatewayProcess({ EOL_DEMO: "0", EOL_EXACT_BASE_URL: sim.url, LOG_LEVEL: "warn" });
  sim.apps.register({ ...APP, redirectUris: [`${gateway.url}/auth/callback`] });
});
afterAll(async () => {
  await gateway?.stop();
  await sim?.close();
});

/** The users with the most divisions they can read (not blocked), most first. */
function readableDivisions(userId: string): number[] {
  const blocked = new Set(sim.data.divisions.filter((d) => d.blockingStatus !== 0).map((d) => d.code));
  return defaultGrant(sim.data, userId).filter((code) => !blocked.has(code));
}

async function signIn(userId: string): Promise<Record<string, string>> {
  const target = { url: gateway.url, simulator: sim, fetch: globalThis.fetch };
  const { sessionToken } = await signInTestUser(target, { country: "nl", ...APP, userId });
  return { authorization: `Bearer ${sessionToken}` };
}

test("two users' 71-field queries over many divisions: a clear 422 each, other users answered, peak RSS under 512 MiB", async () => {
  const [first, second, bystander] = [...sim.data.users]
    .sort((a, b) => readableDivisions(b.userId).length - readableDivisions(a.userId).length)
    .map((user) => user.userId);
  // One after the other: the simulator approves as one chosen user at a time.
  const attackers = [await signIn(first), await signIn(second)];
  const other = await signIn(bystander);
  const fields = [...TRANSACTION_LINE.entity.fields.keys()];
  expect(fields).toHaveLength(71);
  const asked = [first, second].map((userId) => readableDivisions(userId).slice(0, DIVISIONS_PER_USER));
  sim.log.reset();

  const attacks = attackers.map(async (headers, index) => {
    const query = `resource=${RESOURCE}&select=${fields.join(",")}&divisions=${asked[index].join(",")}`;
    const response = await fetch(`${gateway.url}/api/v1/query?${query}`, { headers });
    return { status: response.status, text: await response.text() };
  });
  let settled = false;
  void Promise.allSettled(attacks).then(() => (settled = true));
  // Meanwhile the third user's workbook keeps asking small things.
  const bystanderStatuses: number[] = [];
  const ownDivision = readableDivisions(bystander)[0];
  do {
    const response = await fetch(
      `${gateway.url}/api/v1/query?resource=crm/Accounts&select=Code,Name&top=5&division=${ownDivision}`,
      { headers: { ...other, "cache-control": "no-cache" } },
    );
    bystanderStatuses.push(response.status);
    await response.arrayBuffer();
    await new Promise((resolve) => setTimeout(resolve, 100));
  } while (!settled);
  const answers = await Promise.all(attacks);

  const peak = gateway.peakRssBytes();
  expect(gateway.exited()).toBeNull();
  for (const answer of answers) {
    // A short error, not a table of tens of MB.
    expect(answer.text.length).toBeLessThan(1000);
    expect(answer.status).toBe(422);
    const { error } = JSON.parse(answer.text) as { error: { code: string; message: string } };
    expect(error.code).toBe("answer_too_large");
    expect(error.message).toMatch(/reached \d+\.\d MB \(limit 5\.0 MB\).*fewer divisions, fewer fields/);
  }
  expect(bystanderStatuses.length).toBeGreaterThan(0);
  expect(bystanderStatuses.every((status) => status === 200)).toBe(true);
  expect(peak).not.toBeNull();
  expect(peak!).toBeLessThan(RSS_BOUND);

  // Paging stopped at the limit: far fewer pages than the answers would have needed.
  const needed = asked
    .flat()
    .map((division) => businessBook(sim.data, division)?.transactionLines.length ?? 0)
    .reduce((pages, lines) => pages + Math.max(1, Math.ceil(lines / 60)), 0);
  const fetched = sim.log.count({ kind: "api", endpoint: RESOURCE });
  expect(fetched).toBeLessThan(needed / 2);

  // Operators see why (warn level), without the caller's tokens.
  const refusals = gateway.lines.filter((line) => line.includes("answer refused: too large"));
  expect(refusals).toHaveLength(2);
  for (const line of refusals) {
    expect(JSON.parse(line)).toMatchObject({ level: 40, maxBytes: 5 * 1_048_576 });
    expect(line).not.toMatch(/Bearer|authorization|secret/i);
  }
});
