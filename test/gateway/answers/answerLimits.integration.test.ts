/**
 * Answer limits through the real gateway (inject) and the simulator (loopback HTTP), demo data set:
 * an answer past EOL_ANSWER_MAX_BYTES or _ROWS is refused with 422 answer_too_large while paging (no
 * further page asked of Exact), and answers in the making share EOL_ANSWERS_IN_FLIGHT_BYTES (503
 * gateway_busy with Retry-After for the one that does not fit; its memory is given back at once).
 */
import { VirtualClock } from "../../../src/shared/clock";
import { defaultGrant, startSimulator, type RunningSimulator } from "../../../src/simulator";
import { businessBook } from "../../../src/simulator/data/business";
import { TRANSACTION_LINE } from "../../../src/simulator/rest/businessSchemas";
import { signInTestUser, buildTestGateway, type TestGateway } from "../../support/gateway";
import { callApi } from "../../support/api/callApi";
import type { AnswerRecord } from "../../../src/gateway/answers/answerBudgets";

const LINES = "financialtransaction/TransactionLines";
const ALL_FIELDS = [...TRANSACTION_LINE.entity.fields.keys()].join(",");

let sim: RunningSimulator;
let gateway: TestGateway | null = null;

beforeAll(async () => {
  // 50 ms a call on the simulator's (virtual) clock: concurrent requests overlap page by page.
  sim = await startSimulator({
    clock: new VirtualClock(),
    dataset: "demo",
    seed: 1,
    autoApprove: true,
    latencyMs: 50,
  });
});
afterEach(async () => {
  await gateway?.close();
  gateway = null;
});
afterAll(() => sim.close());

async function start(env: Record<string, string>): Promise<string> {
  gateway = await buildTestGateway(env, { clock: sim.clock, simulator: sim });
  return (await signInTestUser(gateway)).sessionToken;
}

/** The divisions the signed-in user can read (not blocked). */
function readable(): number[] {
  const blocked = new Set(sim.data.divisions.filter((d) => d.blockingStatus !== 0).map((d) => d.code));
  return defaultGrant(sim.data, sim.data.primaryUserId).filter((code) => !blocked.has(code));
}

/** Pages Exact would send for every transaction line of these divisions. */
function linePages(divisions: number[]): number {
  return divisions
    .map((division) => businessBook(sim.data, division)?.transactionLines.length ?? 0)
    .reduce((pages, lines) => pages + Math.max(1, Math.ceil(lines / 60)), 0);
}

test("past EOL_ANSWER_MAX_BYTES: 422 naming the size reached and how to narrow it; paging stopped", async () => {
  const token = await start({ EOL_ANSWER_MAX_BYTES: "65536" });
  const seen: AnswerRecord[] = [];
  gateway!.app.exact.answers.observe((answer) => seen.push(answer));
  sim.log.reset();
  const { status, body } = await callApi(
    gateway!,
    token,
    `/api/v1/query?resource=${LINES}&select=${ALL_FIELDS}&division=all`,
  );
  expect(status).toBe(422);
  expect(body.error).toEqual({
    code: "answer_too_large",
    message: expect.stringMatching(
      /^Answer too large: it reached 0\.\d MB \(limit 0\.1 MB\) before EOL stopped fetching\. Narrow it: fewer divisions, fewer fields \(select\), a top, or a filter\.$/,
    ),
  });
  const fetched = sim.log.count({ kind: "api", endpoint: LINES });
  expect(fetched).toBeLessThan(linePages(readable()) / 2);

  // Narrowed (two fields, ten lines a division) it answers.
  const narrowed = await callApi(
    gateway!,
    token,
    `/api/v1/query?resource=${LINES}&select=ID,AmountDC&top=10&division=all`,
  );
  expect(narrowed.status).toBe(200);
  expect(narrowed.body.rows.length).toBeGreaterThan(10);
  // Each answer's size is heard once it has gone (for operators' metrics).
  await new Promise((resolve) => setImmediate(resolve));
  const [refusal, table] = seen;
  expect(refusal).toMatchObject({ status: 422, bytes: expect.any(Number) });
  expect(refusal.bytes).toBeGreaterThan(65536);
  expect(table).toMatchObject({ status: 200, rows: narrowed.body.rows.length });
});

test("past EOL_ANSWER_MAX_ROWS: 422 naming the rows reached", async () => {
  const token = await start({ EOL_ANSWER_MAX_ROWS: "100" });
  const { status, body } = await callApi(
    gateway!,
    token,
    `/api/v1/query?resource=${LINES}&select=ID&division=all`,
  );
  expect(status).toBe(422);
  expect(body.error?.code).toBe("answer_too_large");
  expect(body.error?.message).toMatch(/reached 1\d\d rows \(limit 100\)/);
  // The users of every division (a table the built-in USERS function shows) are held to it too.
  const users = await callApi(gateway!, token, "/api/v1/user-roles?divisions=all");
  expect(users.status).toBe(422);
  expect(users.body.error?.message).toMatch(/rows \(limit 100\)/);
});

test("answers in the making share EOL_ANSWERS_IN_FLIGHT_BYTES: the one that does not fit gets 503 + Retry-After", async () => {
  const token = await start({ EOL_ANSWER_MAX_BYTES: "2097152", EOL_ANSWERS_IN_FLIGHT_BYTES: "2097152" });
  const ask = (select: string) =>
    gateway!.fetch(`${gateway!.url}/api/v1/query?resource=${LINES}&select=${select}&division=all`, {
      headers: { authorization: `Bearer ${token}` },
    });
  // Every line with every field, asked twice at once (fields in another order: no shared fetch):
  // each answer fits in 2 MB, both together do not.
  const orders = [ALL_FIELDS, ALL_FIELDS.split(",").reverse().join(",")];
  const responses = await Promise.all(orders.map(ask));
  const statuses = responses.map((response) => response.status).sort();
  expect(statuses).toEqual([200, 503]);
  const refused = responses.find((response) => response.status === 503)!;
  expect(refused.headers.get("retry-after")).toBe("5");
  expect(await refused.json()).toEqual({
    error: {
      code: "gateway_busy",
      message: expect.stringMatching(/busy with other large answers.*Try again/),
    },
  });
  // Every byte went back: the same request now answers.
  expect(gateway!.app.exact.answers.memory.usage().usedBytes).toBe(0);
  const again = await ask(orders[responses.indexOf(refused)]);
  expect(again.status).toBe(200);
});
