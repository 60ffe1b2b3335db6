/**
 * A QUERY whose answer passes the gateway's limit: the cell shows #N/A with the gateway's text, which
 * names the size reached and how to narrow the formula (real gateway through inject, simulator over
 * loopback HTTP).
 */
import { VirtualClock } from "../../../src/shared/clock";
import { startSimulator, type RunningSimulator } from "../../../src/simulator";
import * as EOL from "../../../src/addin/functions/functions";
import { createDataServices, installDataServices } from "../../../src/addin/data/services";
import { setSessionToken } from "../../../src/addin/session/tokenStore";
import { signInTestUser, buildTestGateway, type TestGateway } from "../../support/gateway";
import { cellError } from "../../support/addin/setup";

let sim: RunningSimulator;
let gateway: TestGateway;

beforeAll(async () => {
  const clock = new VirtualClock();
  sim = await startSimulator({ clock, autoApprove: true, dataset: "demo", seed: 1 });
  gateway = await buildTestGateway({ EOL_ANSWER_MAX_ROWS: "100" }, { clock, simulator: sim });
  const { sessionToken } = await signInTestUser(gateway);
  installDataServices(createDataServices({ baseUrl: gateway.url, fetchImpl: gateway.fetch }));
  await setSessionToken(sessionToken);
});
afterAll(async () => {
  await gateway?.close();
  await sim?.close();
});

test("QUERY past the row limit → #N/A naming the rows reached and how to narrow it", async () => {
  const cell = await cellError(
    EOL.query("financialtransaction/TransactionLines", [["ID", "AmountDC"]], null, null, null, null, null),
  );
  expect(cell.code).toBe("#N/A");
  expect(cell.message).toMatch(
    /^Answer too large: it reached \d+ rows \(limit 100\) before EOL stopped fetching\. Narrow it: fewer divisions, fewer fields \(select\), a top, or a filter\.$/,
  );
  expect(cell.message.length).toBeLessThanOrEqual(255);
  // Narrowed with top, the same formula answers.
  const narrowed = await EOL.query(
    "financialtransaction/TransactionLines",
    [["ID"]],
    null,
    null,
    null,
    5,
    null,
  );
  expect(narrowed).toHaveLength(6);
});
