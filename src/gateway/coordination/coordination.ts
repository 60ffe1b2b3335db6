/**
 * What differs between one gateway process and several instances on one PostgreSQL, behind one
 * interface: the chain lock (single-flight refreshes), the error ledger and the remembered Exact errors,
 * the rate budget, the answer cache, recent current/Me reads and the progress board. One of the two
 * implementations (inProcess.ts, postgres.ts) is chosen once at start-up (openCoordination.ts); every
 * consumer gets these members as they are and never asks which one it has.
 */
import type { AnswerCache, ResultCacheOptions } from "../cache/resultCache";
import type { ErrorLedger } from "../store/types";
import type { RememberedErrors } from "../exact/rememberedErrors";
import type { RecentCurrentUsers } from "../exact/me";
import type { ProgressBoard } from "../progress/progressBoard";
import type { SharedRateBudget } from "../scheduler/sharedBudget";
import type { ChainLock } from "../tokens/chainLock";

/** How long answers are kept and how much of them: the answer cache's settings, wherever it lives. */
export type AnswerCacheSettings = ResultCacheOptions;

export interface Coordination {
  /** "in-process" or "PostgreSQL", for the start-up log only. */
  readonly name: string;
  /** One refresh per token chain at a time (across instances on PostgreSQL). */
  readonly chainLock: ChainLock;
  /** Exact's error answers and blocks counted per key, and each user's division look-ups. */
  readonly errorLedger: ErrorLedger;
  /** Exact's definitive 4xx answers per (chain, URL), refused again without a call. */
  readonly rememberedErrors: RememberedErrors;
  /** Exact's rate budgets reserved before every call. */
  readonly rateBudget: SharedRateBudget;
  /** Recent current/Me answers per chain (the session check). */
  readonly currentUsers: RecentCurrentUsers;
  /** Fan-out progress, read by whichever instance a poll reaches. */
  readonly progressBoard: ProgressBoard;
  /** The answer cache with these settings (made once, by the Exact service). */
  answerCache(settings: AnswerCacheSettings): AnswerCache;
}
