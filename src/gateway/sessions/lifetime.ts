/**
 * How long sessions live: an idle lifetime (since last use) and an absolute one (since sign-in), and the
 * periodic purge of everything that can never be used again (expired logins and sessions, dead chains).
 */
import type { FastifyInstance } from "fastify";
import type { GatewayConfig } from "../config/config";
import { GatewayError } from "../errors";
import type { AuthStore, PurgeCounts, SessionRecord } from "../store/types";
import type { Clock } from "../../shared/clock";

const DAY_MS = 86_400_000;
/** The purge runs at start-up and then hourly: expired rows are already refused, this only tidies up. */
export const PURGE_INTERVAL_MS = 3_600_000;

export interface SessionLifetime {
  idleMs: number;
  maxMs: number;
}

export function sessionLifetime(
  config: Pick<GatewayConfig, "sessionIdleDays" | "sessionMaxDays">,
): SessionLifetime {
  return { idleMs: config.sessionIdleDays * DAY_MS, maxMs: config.sessionMaxDays * DAY_MS };
}

export function isSessionExpired(
  session: Pick<SessionRecord, "createdAt" | "lastUsedAt">,
  lifetime: SessionLifetime,
  now: number,
): boolean {
  return now - session.lastUsedAt > lifetime.idleMs || now - session.createdAt > lifetime.maxMs;
}

export function sessionExpiredError(): GatewayError {
  return new GatewayError(
    401,
    "session_expired",
    "Your EOL session has expired (unused too long, or signed in too long ago). Sign in again (EOL task pane).",
  );
}

export function purgeExpired(store: AuthStore, lifetime: SessionLifetime, now: number): Promise<PurgeCounts> {
  return store.purge({
    now,
    sessionIdleBefore: now - lifetime.idleMs,
    sessionCreatedBefore: now - lifetime.maxMs,
  });
}

/** Purges once now and then every `intervalMs` until the app closes; failures are logged, never fatal. */
export function schedulePurge(
  app: FastifyInstance,
  services: { store: AuthStore; clock: Clock; lifetime: SessionLifetime },
  intervalMs = PURGE_INTERVAL_MS,
): void {
  const run = (): void => {
    purgeExpired(services.store, services.lifetime, services.clock.now()).then(
      (counts) => app.log.debug({ purged: counts }, "purged expired sign-in records"),
      (error: unknown) => app.log.warn({ err: error }, "purging expired sign-in records failed"),
    );
  };
  const timer = setInterval(run, intervalMs);
  timer.unref();
  app.addHook("onReady", async () => run());
  app.addHook("onClose", async () => clearInterval(timer));
}
