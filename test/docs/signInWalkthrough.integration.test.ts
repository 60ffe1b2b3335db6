/**
 * docs/api.md's curl walkthrough of the HTTP sign-in, run as written (its fenced `sh` blocks, in order, in
 * one bash) against a gateway with its own demo — the simulator's real consent page, no auto-approve —
 * so the documented commands and the gateway cannot drift apart.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { startTestGateway, type TestGateway } from "../support/gateway";
import type { TableResponse } from "../../src/shared/api";
import { fencedBlocks } from "../support/markdownSections";

jest.setTimeout(60_000);

const API_MD = path.join(__dirname, "../../docs/api.md");

let gateway: TestGateway;

beforeAll(async () => {
  gateway = await startTestGateway({ EOL_DEMO: "1" });
});
afterAll(() => gateway?.close());

test("the walkthrough signs in to the demo, reads role 274's holders and signs out", async () => {
  const blocks = fencedBlocks(fs.readFileSync(API_MD, "utf8"), "### Walkthrough with curl against the demo");
  expect(blocks.length).toBeGreaterThanOrEqual(4);
  const script = blocks.filter((block) => block.lang === "sh").map((block) => block.code);
  // Asynchronously: the gateway answering the commands runs in this process.
  const run = await new Promise<{ status: number; stdout: string; stderr: string }>((resolve) =>
    execFile(
      "bash",
      ["-euo", "pipefail", "-c", script.join("\n")],
      { env: { ...process.env, GW: gateway.url }, timeout: 45_000 },
      (error, stdout, stderr) => resolve({ status: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    ),
  );
  expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: "" });
  // The only output is the data call's answer: sign-out answers 204 with nothing, where an error would
  // add its JSON and fail the parse.
  const table = JSON.parse(run.stdout) as TableResponse;
  expect(table.divisionSource).toBe("all");
  expect(table.columns.map((column) => column.name)).toContain("Full name");
  expect(table.rows).toHaveLength(2); // the demo's two holders of Manage subscription today
});
