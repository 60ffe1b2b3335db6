/** The coordination of one gateway process: everything in this process's memory. */
import type { Clock } from "../../shared/clock";
import { ResultCache } from "../cache/resultCache";
import { MemoryErrorLedger } from "../exact/memoryErrorLedger";
import { MemoryRememberedErrors } from "../exact/rememberedErrors";
import { MemoryCurrentUsers } from "../exact/me";
import { MemoryProgressBoard } from "../progress/progressBoard";
import { ProcessRateBudget } from "../scheduler/processRateBudget";
import { InProcessChainLock } from "../tokens/chainLock";
import type { AnswerCacheSettings, Coordination } from "./coordination";

export class InProcessCoordination implements Coordination {
  readonly name = "in-process";
  readonly chainLock = new InProcessChainLock();
  readonly errorLedger: MemoryErrorLedger;
  readonly rememberedErrors = new MemoryRememberedErrors();
  /** The scheduler's own budget counts this process's calls: there is no one else to share with. */
  readonly rateBudget = new ProcessRateBudget();
  readonly currentUsers: MemoryCurrentUsers;
  readonly progressBoard = new MemoryProgressBoard();

  constructor(clock: Clock) {
    this.errorLedger = new MemoryErrorLedger(clock);
    this.currentUsers = new MemoryCurrentUsers(clock);
  }

  answerCache(settings: AnswerCacheSettings): ResultCache {
    return new ResultCache(settings);
  }
}
