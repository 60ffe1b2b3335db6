/** Request lines are logged at debug: the default level (info) keeps the log for start-up and errors. */
import { PassThrough } from "node:stream";
import { buildTestGateway } from "../../support/gateway";

async function logOf(env: Record<string, string>): Promise<Array<Record<string, unknown>>> {
  const stream = new PassThrough();
  const lines: string[] = [];
  stream.on("data", (chunk: Buffer) => lines.push(...chunk.toString("utf8").split("\n").filter(Boolean)));
  const gateway = await buildTestGateway(env, { logStream: stream });
  try {
    expect((await gateway.fetch(`${gateway.url}/auth/session?secret=1`)).status).toBe(401);
  } finally {
    await gateway.close();
  }
  await new Promise((resolve) => setImmediate(resolve));
  return lines.map((line) => JSON.parse(line) as Record<string, unknown>);
}

test("at the default level no request line is logged", async () => {
  const entries = await logOf({});
  expect(entries.filter((entry) => /request/.test(String(entry.msg)))).toEqual([]);
});

test("LOG_LEVEL=debug logs one completed line per request, at debug, with status and redacted URL", async () => {
  const entries = await logOf({ LOG_LEVEL: "debug" });
  const completed = entries.filter((entry) => entry.msg === "request completed");
  expect(completed).toHaveLength(1);
  expect(completed[0]).toMatchObject({
    level: 20,
    req: { method: "GET", url: "/auth/session?[redacted]" },
    res: { statusCode: 401 },
  });
  expect(typeof completed[0].responseTime).toBe("number");
  expect(entries.some((entry) => entry.msg === "incoming request")).toBe(false);
});
