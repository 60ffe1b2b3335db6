/**
 * Graceful stop on SIGTERM/SIGINT: stop accepting connections, let requests in flight (and the token
 * refreshes they started, whose rotated tokens must reach the store) finish for up to the Exact time-out
 * plus a margin, then exit. A second signal exits at once; when the grace runs out, what is still open is
 * answered 503 (`gateway_stopping`) before the exit, instead of a reset connection.
 */
import type { ServerResponse } from "node:http";
import type { FastifyInstance } from "fastify";
import type { ApiErrorBody } from "../../shared/errors";

declare module "fastify" {
  interface FastifyInstance {
    /** Answers every request still open with a 503 (the grace period is over); resolves once written. */
    cutOffOpenRequests(): Promise<void>;
  }
}

const STOPPING: ApiErrorBody = {
  error: { code: "gateway_stopping", message: "The gateway is stopping. Try again in a moment." },
};
const STOPPING_JSON = JSON.stringify(STOPPING);

/** Ends a response still being prepared with the 503, or cuts it if it had begun already. */
function answerStopping(response: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    if (response.writableEnded) return resolve();
    if (response.headersSent) {
      response.destroy();
      return resolve();
    }
    // The security headers set on the raw response at onRequest stay.
    response.writeHead(503, {
      "content-type": "application/json; charset=utf-8",
      "content-length": Buffer.byteLength(STOPPING_JSON),
      "cache-control": "no-store",
      connection: "close",
    });
    response.end(STOPPING_JSON, () => resolve());
  });
}

/**
 * Once closing starts, answers still being prepared carry `Connection: close`, so their keep-alive
 * connections end with them instead of holding the close open until the keep-alive time-out. Open
 * requests are tracked, so the end of the grace period can answer them instead of resetting their
 * connections.
 */
export function registerDrain(app: FastifyInstance): void {
  let closing = false;
  const open = new Set<ServerResponse>();
  app.addHook("preClose", async () => {
    closing = true;
  });
  app.addHook("onRequest", (_request, reply, done) => {
    open.add(reply.raw);
    reply.raw.once("close", () => open.delete(reply.raw));
    done();
  });
  app.addHook("onSend", (_request, reply, payload, done) => {
    if (closing) reply.header("connection", "close");
    done(null, payload);
  });
  app.decorate("cutOffOpenRequests", async () => {
    await Promise.all([...open].map(answerStopping));
  });
}

export interface Closable {
  close(): Promise<void>;
  /** Answers what is still open once the grace period is over (a 503 instead of a reset connection). */
  cutOff?(): Promise<void>;
}

/** How long the 503s of the cut-off may take to go out before the process exits anyway. */
const CUT_OFF_WRITE_MS = 1_000;

/** Closes `target`, resolving "closed", or "timeout" once `graceMs` passed first. */
export async function closeWithin(target: Closable, graceMs: number): Promise<"closed" | "timeout"> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), graceMs);
  });
  try {
    return await Promise.race([target.close().then(() => "closed" as const), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export function installShutdown(
  target: Closable,
  graceMs: number,
  exit: (code: number) => void = (code) => process.exit(code),
  log: (message: string) => void = (message) => console.log(message),
): void {
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) {
      log(`${signal} again: stopping now; requests still running are cut off.`);
      exit(1);
      return;
    }
    stopping = true;
    log(`${signal}: finishing requests in flight (at most ${Math.round(graceMs / 1000)} s), then stopping.`);
    void closeWithin(target, graceMs).then(async (result) => {
      if (result === "timeout") {
        log("Requests were still running when the grace period ended; they were answered 503.");
        if (target.cutOff) await closeWithin({ close: target.cutOff }, CUT_OFF_WRITE_MS);
      }
      exit(result === "closed" ? 0 : 1);
    });
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}
