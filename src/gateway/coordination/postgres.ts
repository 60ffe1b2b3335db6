/**
 * The coordination of several instances on one PostgreSQL: the store's shared pieces (advisory chain
 * lock, error ledger, rate budgets, result cache, progress board) plus the remembered Exact errors and
 * recent current/Me reads, so a bad formula or a session check costs one upstream call in all.
 */
import type { Clock } from "../../shared/clock";
import { StoreAnswerCache } from "../cache/storeAnswerCache";
import type { PostgresAuthStore } from "../store/postgresStore";
import { chainLockFor, type ChainLock } from "../tokens/chainLock";
import type { AnswerCacheSettings, Coordination } from "./coordination";
import { PostgresRememberedErrors } from "./postgresRememberedErrors";
import { StoreCurrentUsers } from "./storeCurrentUsers";

export class PostgresCoordination implements Coordination {
  readonly name = "PostgreSQL";
  readonly chainLock: ChainLock;
  readonly errorLedger: PostgresAuthStore["errorLedger"];
  readonly rememberedErrors: PostgresRememberedErrors;
  readonly rateBudget: PostgresAuthStore["rateBudget"];
  readonly currentUsers: StoreCurrentUsers;
  readonly progressBoard: PostgresAuthStore["progressBoard"];

  constructor(
    private readonly store: PostgresAuthStore,
    clock: Clock,
  ) {
    this.chainLock = chainLockFor(store);
    this.errorLedger = store.errorLedger;
    this.rememberedErrors = new PostgresRememberedErrors(store.pool, store.secrets);
    this.rateBudget = store.rateBudget;
    this.currentUsers = new StoreCurrentUsers(store.resultCache, clock);
    this.progressBoard = store.progressBoard;
  }

  answerCache(settings: AnswerCacheSettings): StoreAnswerCache {
    return new StoreAnswerCache(this.store.resultCache, settings);
  }
}
