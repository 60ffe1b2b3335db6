/**
 * Mutual exclusion per token chain, so exactly one caller refreshes while the others wait and then
 * reuse the rotated token. This in-process lock serves one gateway; several instances sharing a
 * PostgreSQL store use its advisory lock (store/postgresChainLock.ts) behind the same interface.
 */
export interface ChainLock {
  withLock<T>(chainId: string, work: () => Promise<T>): Promise<T>;
}

export class InProcessChainLock implements ChainLock {
  private readonly tails = new Map<string, Promise<unknown>>();

  async withLock<T>(chainId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(chainId) ?? Promise.resolve();
    const run = previous.then(work, work);
    const tail = run.catch(() => undefined);
    this.tails.set(chainId, tail);
    try {
      return await run;
    } finally {
      // Drop the entry once nobody queued behind us, so the map does not grow with every chain ever seen.
      if (this.tails.get(chainId) === tail) this.tails.delete(chainId);
    }
  }
}
