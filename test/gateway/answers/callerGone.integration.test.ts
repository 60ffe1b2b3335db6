/**
 * A caller that hangs up mid-answer: the gateway stops fetching for it and gives its share of the
 * answers' memory back, though no answer is ever sent (real socket: the gateway listens on loopback).
 */
import http from "node:http";
import { VirtualClock } from "../../../src/shared/clock";
import { startSimulator, type RunningSimulator } from "../../../src/simulator";
import { TRANSACTION_LINE } from "../../../src/simulator/rest/businessSchemas";
import { signInTestUser, startTestGateway, type TestGateway } from "../../support/gateway";

const LINES = "financialtransaction/TransactionLines";

let sim: RunningSimulator;
let gateway: TestGateway;

beforeAll(async () => {
  const clock = new VirtualClock();
  // 200 ms a call on the virtual clock, paced by real time below: the answer takes many calls.
  sim = await startSimulator({ clock, dataset: "demo", seed: 1, autoApprove: true, latencyMs: 200 });
  gateway = await startTestGateway({}, { clock, simulator: sim });
});
afterAll(async () => {
  await gateway?.close();
  await sim?.close();
});

async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

test("the caller hangs up: fetching stops and the memory it held goes back", async () => {
  const { sessionToken } = await signInTestUser(gateway);
  const memory = gateway.app.exact.answers.memory;
  const select = [...TRANSACTION_LINE.entity.fields.keys()].join(",");
  sim.log.reset();
  // A connection of its own (no pool that would keep or reopen one): hanging up destroys it.
  const url = `${gateway.url}/api/v1/query?resource=${LINES}&select=${select}&division=all`;
  const request = http.get(url, { agent: false, headers: { authorization: `Bearer ${sessionToken}` } });
  const asked = new Promise<string>((resolve) => {
    request.on("response", (response) => resolve(`answered ${response.statusCode}`));
    request.on("error", () => resolve("hung up"));
  });
  await until(() => memory.usage().usedBytes > 0, "the first pages");
  request.destroy();
  expect(await asked).toBe("hung up");
  await until(() => memory.usage().usedBytes === 0, "the memory to come back");
  // No page is asked for after the hang-up has been seen (the ones already on their way finish).
  const pages = sim.log.count({ kind: "api", endpoint: LINES });
  await new Promise((resolve) => setTimeout(resolve, 500));
  (sim.clock as VirtualClock).advance(5_000);
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(sim.log.count({ kind: "api", endpoint: LINES })).toBeLessThanOrEqual(pages + 8);
});
