/**
 * A table function's request ends when Excel cancels its cell or its time limit passes: the add-in
 * aborts the HTTP request (the gateway sees the connection close and stops its fan-out), and a request
 * that gets no answer gives a #N/A that says why instead of an endless #BUSY!. Real HTTP against a
 * loopback server that never answers.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { createDataServices, installDataServices } from "../../../src/addin/data/services";
import * as functions from "../../../src/addin/functions/functions";

jest.setTimeout(15_000);

/** A gateway that takes every request and never answers, and records when each connection closes. */
interface SilentGateway {
  url: string;
  received: string[];
  /** Resolves when the n-th request's connection has closed. */
  closed(n: number): Promise<void>;
  open(): number;
  close(): Promise<void>;
}

async function startSilentGateway(): Promise<SilentGateway> {
  const received: string[] = [];
  const closedFlags: boolean[] = [];
  const waiters = new Map<number, () => void>();
  const server = http.createServer((request) => {
    const index = received.push(request.url ?? "") - 1;
    closedFlags[index] = false;
    request.socket.on("close", () => {
      closedFlags[index] = true;
      waiters.get(index)?.();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    closed: (n) =>
      closedFlags[n] ? Promise.resolve() : new Promise((resolve) => waiters.set(n, () => resolve())),
    open: () => closedFlags.filter((closed) => !closed).length,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

let gateway: SilentGateway;
beforeEach(async () => {
  gateway = await startSilentGateway();
});
afterEach(async () => {
  await gateway.close();
});

const tokens = { get: async () => "a-session-token", clear: async () => undefined };

/** What Excel hands a @cancelable function; cancel() is Excel deciding the cell no longer needs it. */
function invocation() {
  const handed: { onCanceled?: () => void } = {};
  return { handed, cancel: () => handed.onCanceled?.() };
}

async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 10));
}

test("a cancelled cell aborts its HTTP request: the gateway sees the connection close", async () => {
  installDataServices(createDataServices({ baseUrl: gateway.url, tokens }));
  const cell = invocation();
  const result = functions.roleHolders([[274]], [["all"]], undefined, cell.handed).catch((e: unknown) => e);
  await until(() => gateway.received.length === 1);
  expect(gateway.received[0]).toMatch(/^\/api\/v1\/role-holders\?/);
  cell.cancel();
  await gateway.closed(0);
  expect(await result).toMatchObject({ code: "#N/A" }); // Excel ignores a cancelled cell's answer
});

test("cells sharing one request keep it until the last of them is cancelled", async () => {
  installDataServices(createDataServices({ baseUrl: gateway.url, tokens }));
  const first = invocation();
  const second = invocation();
  const results = [
    functions.divisions(undefined, undefined, first.handed),
    functions.divisions(undefined, undefined, second.handed),
  ];
  results.forEach((result) => result.catch(() => undefined));
  await until(() => gateway.received.length === 1);
  first.cancel();
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(gateway.open()).toBe(1); // the second cell still waits for the same answer
  second.cancel();
  await gateway.closed(0);
  expect(gateway.received).toHaveLength(1);
});

test("a request with no answer within its time limit ends with #N/A saying so, and is aborted", async () => {
  installDataServices(
    createDataServices({ baseUrl: gateway.url, tokens, timeLimits: { tableMs: 300, requestMs: 300 } }),
  );
  const result = functions.users(441793, undefined, invocation().handed);
  await expect(result).rejects.toMatchObject({
    code: "#N/A",
    message: expect.stringContaining("did not answer within 1 second"),
  });
  await gateway.closed(0);
});

test("every other call has its own time limit too (the task pane and the ribbon never wait for good)", async () => {
  const { client } = createDataServices({ baseUrl: gateway.url, tokens, timeLimits: { requestMs: 300 } });
  await expect(client.authConfig()).rejects.toMatchObject({
    code: "timed_out",
    message: "The EOL gateway did not answer within 1 second. Try again later.",
  });
  await gateway.closed(0);
});
