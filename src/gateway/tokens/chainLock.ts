/**
 * Mutual exclusion per token chain, so exactly one caller refreshes while the others wait and then
 * reuse the rotated token. The in-process lock serves one gateway; several instances sharing a
 * PostgreSQL store add the store's shared lock (an advisory lock) behind the same interface
 * (the coordination, coordination/, holds the one in use).
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

/** A store that holds locks across every instance on it (store/postgresStore.ts). */
export interface SharedLockHolder {
  withSharedLock<T>(name: string, work: () => Promise<T>): Promise<T>;
}

/**
 * Single-flight across instances: callers in this process queue in-process first (so an instance holds
 * at most one database connection per chain), then take the store's shared lock for the chain.
 */
export function chainLockFor(store: SharedLockHolder): ChainLock {
  const local = new InProcessChainLock();
  const shared = store.withSharedLock.bind(store);
  return {
    withLock: (chainId, work) => local.withLock(chainId, () => shared(`chain:${chainId}`, work)),
  };
}
