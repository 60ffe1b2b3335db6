/**
 * Issue 13 (12): SIGTERM lets requests in flight finish (within the grace period), then exits; a
 * second signal or the grace running out stops at once.
 */
import { startSimulator } from "../../../src/simulator";
import { closeWithin, installShutdown } from "../../../src/gateway/server/shutdown";
import { signInTestUser, startTestGateway } from "../../support/gateway";

test("a request in flight when the gateway is told to stop still gets its answer", async () => {
  const sim = await startSimulator({ dataset: "demo", seed: 1, autoApprove: true });
  const gateway = await startTestGateway({}, { simulator: sim });
  try {
    const { sessionToken } = await signInTestUser(gateway);
    sim.setLatency(400);
    const inFlight = fetch(`${gateway.url}/api/v1/me`, {
      headers: { authorization: `Bearer ${sessionToken}` },
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const closing = closeWithin(gateway, 10_000);
    const answer = await inFlight;
    expect(answer.status).toBe(200);
    expect(await closing).toBe("closed");
    await expect(fetch(`${gateway.url}/healthz`)).rejects.toThrow();
  } finally {
    await sim.close();
  }
});

test("closing the gateway waits for token refreshes under way before the store closes", async () => {
  const sim = await startSimulator({ dataset: "demo", seed: 1, autoApprove: true });
  const gateway = await startTestGateway({}, { simulator: sim });
  try {
    let release = (): void => undefined;
    const refreshDone = new Promise<void>((resolve) => (release = resolve));
    gateway.app.tokens.settle = () => refreshDone;
    let closed = false;
    const closing = gateway.close().then(() => (closed = true));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(closed).toBe(false);
    release();
    await closing;
    expect(closed).toBe(true);
  } finally {
    await sim.close();
  }
});

test("the grace period bounds the wait", async () => {
  const never = { close: () => new Promise<void>(() => undefined) };
  const started = Date.now();
  expect(await closeWithin(never, 100)).toBe("timeout");
  expect(Date.now() - started).toBeLessThan(2000);
});

/** The signal listeners installShutdown adds, removed again after a test. */
function removeAddedSignalListeners(): () => void {
  const before = { term: process.listeners("SIGTERM"), int: process.listeners("SIGINT") };
  return () => {
    for (const signal of ["SIGTERM", "SIGINT"] as const) {
      const keep = signal === "SIGTERM" ? before.term : before.int;
      for (const listener of process.listeners(signal)) {
        if (!keep.includes(listener)) process.removeListener(signal, listener);
      }
    }
  };
}

test("SIGTERM past the grace period answers 503 in the JSON error shape to requests still open", async () => {
  const sim = await startSimulator({ dataset: "demo", seed: 1, autoApprove: true });
  const gateway = await startTestGateway({}, { simulator: sim });
  const restore = removeAddedSignalListeners();
  let lateAnswerAt = 0;
  try {
    const { sessionToken } = await signInTestUser(gateway);
    sim.setLatency(2_000);
    lateAnswerAt = Date.now() + 2_500;
    const stillOpen = fetch(`${gateway.url}/api/v1/me`, {
      headers: { authorization: `Bearer ${sessionToken}` },
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const exits: number[] = [];
    const exited = new Promise<void>((resolve) =>
      installShutdown(
        gateway,
        300,
        (code) => {
          exits.push(code);
          resolve();
        },
        () => undefined,
      ),
    );
    process.emit("SIGTERM");
    const answer = await stillOpen;
    expect(answer.status).toBe(503);
    expect(await answer.json()).toEqual({
      error: { code: "gateway_stopping", message: expect.stringMatching(/stopping/) },
    });
    expect(answer.headers.get("content-security-policy")).toMatch(/frame-ancestors/);
    expect(answer.headers.get("connection")).toBe("close");
    await exited;
    expect(exits).toEqual([1]);
  } finally {
    restore();
    // The handler still waits for the simulator's late answer (its connection keeps the simulator open).
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, lateAnswerAt - Date.now())));
    await gateway.close();
    await sim.close();
  }
});

test("SIGTERM closes then exits 0; a second signal exits at once with 1", async () => {
  const restore = removeAddedSignalListeners();
  const exits: number[] = [];
  const messages: string[] = [];
  let release = (): void => undefined;
  const target = { close: () => new Promise<void>((resolve) => (release = resolve)) };
  installShutdown(
    target,
    60_000,
    (code) => exits.push(code),
    (message) => messages.push(message),
  );
  try {
    process.emit("SIGTERM");
    expect(exits).toEqual([]);
    expect(messages[0]).toMatch(/SIGTERM: finishing requests in flight \(at most 60 s\)/);
    process.emit("SIGINT");
    expect(exits).toEqual([1]);
    release();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(exits).toEqual([1, 0]);
  } finally {
    restore();
  }
});
