/**
 * Graceful stop on SIGTERM/SIGINT: stop accepting connections, let requests in flight (and the token
 * refreshes they started, whose rotated tokens must reach the store) finish for up to the Exact time-out
 * plus a margin, then exit. A second signal, or the grace running out, exits at once.
 */
import type { FastifyInstance } from "fastify";

/**
 * Once closing starts, answers still being prepared carry `Connection: close`, so their keep-alive
 * connections end with them instead of holding the close open until the keep-alive time-out.
 */
export function registerDrain(app: FastifyInstance): void {
  let closing = false;
  app.addHook("preClose", async () => {
    closing = true;
  });
  app.addHook("onSend", (_request, reply, payload, done) => {
    if (closing) reply.header("connection", "close");
    done(null, payload);
  });
}

export interface Closable {
  close(): Promise<void>;
}

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
    void closeWithin(target, graceMs).then((result) => {
      if (result === "timeout")
        log("Requests were still running when the grace period ended; stopped anyway.");
      exit(result === "closed" ? 0 : 1);
    });
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}
