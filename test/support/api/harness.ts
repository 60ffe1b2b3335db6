/** Builds the data API's parts (scheduler, client) against a running simulator, without the gateway. */
import type { Clock } from "../../../src/shared/clock";
import type { SessionContext } from "../../../src/gateway/contracts";
import { ExactClient, type ExactClientOptions } from "../../../src/gateway/exact/client";
import { ErrorBudget } from "../../../src/gateway/exact/errorBudget";
import { InProcessCoordination } from "../../../src/gateway/coordination/inProcess";
import { RateScheduler } from "../../../src/gateway/scheduler/scheduler";
import { DEMO_APP, type RunningSimulator } from "../../../src/simulator";
import { SimTokenSource } from "./simTokens";

export interface ClientHarness {
  client: ExactClient;
  scheduler: RateScheduler;
  tokens: SimTokenSource;
  session: SessionContext;
}

export function sessionFor(sim: RunningSimulator, userId: string, chainId: string): SessionContext {
  const user = sim.data.users.find((candidate) => candidate.userId === userId)!;
  return {
    sessionId: `session-${chainId}`,
    userId,
    userName: user.userName,
    chainId,
    clientId: DEMO_APP.clientId,
    country: "demo",
    exactBaseUrl: sim.url,
    currentDivision: user.currentDivision,
  };
}

/** What an Exact client takes from the in-process coordination: its error budget and rate budget. */
export function inProcessGuards(clock: Clock): Pick<ExactClientOptions, "errorBudget" | "rateBudget"> {
  const coordination = new InProcessCoordination(clock);
  return {
    errorBudget: new ErrorBudget({
      clock,
      ledger: coordination.errorLedger,
      remembered: coordination.rememberedErrors,
    }),
    rateBudget: coordination.rateBudget,
  };
}

export async function clientHarness(
  sim: RunningSimulator,
  clock: Clock,
  options: {
    scheduler?: RateScheduler;
    userId?: string;
    timeoutMs?: number;
    maxAttempts?: number;
    tokens?: SimTokenSource;
  } = {},
): Promise<ClientHarness> {
  sim.apps.addRedirectUri(DEMO_APP.clientId, SimTokenSource.redirectUri);
  const userId = options.userId ?? sim.data.primaryUserId;
  sim.setAutoApprove({ userId });
  const tokens = options.tokens ?? (await SimTokenSource.signIn(sim.url, DEMO_APP));
  const scheduler = options.scheduler ?? new RateScheduler({ clock, concurrency: 8 });
  const origin = new URL(sim.url).origin;
  const client = new ExactClient({
    clock,
    tokens,
    scheduler,
    assertAllowedUpstream: (url) => {
      if (new URL(url).origin !== origin) throw new Error(`refused upstream ${url}`);
    },
    maxAttempts: options.maxAttempts ?? 4,
    timeoutMs: options.timeoutMs ?? 5000,
    backoffBaseMs: 200,
    random: () => 0.5,
    ...inProcessGuards(clock),
  });
  return { client, scheduler, tokens, session: sessionFor(sim, userId, `chain-${userId}`) };
}
