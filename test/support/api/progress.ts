/** Runs a table request with a request id and polls its progress (each through its gateway's fetch). */
import crypto from "node:crypto";
import { REQUEST_ID_HEADER, type ProgressResponse } from "../../../src/shared/api";
import type { TestGateway } from "../gateway";

type Gateway = Pick<TestGateway, "url" | "fetch">;

export interface ProgressRun {
  status: number;
  /** Every 200 answer of the polls made while the request ran, in order. */
  seen: ProgressResponse[];
  /** The poll made right after the answer arrived. */
  after: { status: number; body: ProgressResponse; cacheControl: string | null };
  requestId: string;
}

export async function pollProgress(gateway: Gateway, sessionToken: string, requestId: string) {
  const response = await gateway.fetch(`${gateway.url}/api/v1/progress/${requestId}`, {
    headers: { authorization: `Bearer ${sessionToken}` },
  });
  return {
    status: response.status,
    body: (await response.json()) as ProgressResponse,
    cacheControl: response.headers.get("cache-control"),
  };
}

/** `requested` answers the table; `polled` the polls (another instance, in the shared-store test). */
export async function runWithProgress(
  requested: Gateway,
  polled: Gateway,
  sessionToken: string,
  pathAndQuery: string,
  everyMs = 40,
): Promise<ProgressRun> {
  const requestId = crypto.randomUUID();
  let answered = false;
  const request = requested
    .fetch(`${requested.url}${pathAndQuery}`, {
      headers: { authorization: `Bearer ${sessionToken}`, [REQUEST_ID_HEADER]: requestId },
    })
    .then(async (response) => {
      await response.arrayBuffer();
      answered = true;
      return response.status;
    });
  const seen: ProgressResponse[] = [];
  while (!answered) {
    const poll = await pollProgress(polled, sessionToken, requestId);
    if (poll.status === 200 && !answered) seen.push(poll.body);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  const status = await request;
  return { status, seen, after: await pollProgress(polled, sessionToken, requestId), requestId };
}

/** The counts only grow, several distinct ones were seen on the way, and the last poll shows the end. */
export function expectSteadyProgress(run: ProgressRun, table: string, total: number): void {
  const done = run.seen.map((entry) => entry.done);
  expect(done).toEqual([...done].sort((a, b) => a - b));
  expect(new Set(done.filter((count) => count > 0 && count < total)).size).toBeGreaterThanOrEqual(2);
  for (const entry of run.seen) expect(entry).toMatchObject({ requestId: run.requestId, table, total });
  expect(run.after).toMatchObject({
    status: 200,
    body: { requestId: run.requestId, table, done: total, total, finished: true },
    cacheControl: "no-store",
  });
}
