/**
 * Exact's definitive 4xx answers, remembered per (chain, first-page URL) for a while (the negative cache
 * of exact/errorBudget.ts): the same bad request recalculated again costs no further call. One process
 * keeps them in memory; several instances on PostgreSQL share them (coordination/), so a bad formula
 * costs one upstream error in all, not one per instance.
 */
import { LRUCache } from "lru-cache";
import type { ErrorCode } from "../../shared/errors";
import { GatewayError } from "../errors";

/** Remembered error answers at most (all chains): the URLs hold what callers chose. */
export const MAX_REMEMBERED = 5000;

export interface RememberedErrors {
  /** The error remembered for `url` of `chainId` and still in force at `now`, else null. */
  recall(chainId: string, url: string, now: number): Promise<GatewayError | null>;
  /** Remembers `error` for `url` of `chainId` until `until` (`now`: when, for dropping expired ones). */
  remember(chainId: string, url: string, error: GatewayError, until: number, now: number): Promise<void>;
  /** Refresh all / Clear cache: the chain's remembered answers are tried again. */
  forget(chainId: string): Promise<void>;
}

/** What is kept of an error: enough to throw the same one again, nothing else. */
export interface ErrorShape {
  status: number;
  code: ErrorCode;
  message: string;
}

export const errorFromShape = (shape: ErrorShape): GatewayError =>
  new GatewayError(shape.status, shape.code, shape.message);

export class MemoryRememberedErrors implements RememberedErrors {
  private readonly known = new LRUCache<string, { chainId: string; error: GatewayError; until: number }>({
    max: MAX_REMEMBERED,
  });

  async recall(chainId: string, url: string, now: number): Promise<GatewayError | null> {
    const known = this.known.get(JSON.stringify([chainId, url]));
    return known && known.until > now ? known.error : null;
  }

  async remember(chainId: string, url: string, error: GatewayError, until: number): Promise<void> {
    this.known.set(JSON.stringify([chainId, url]), { chainId, error, until });
  }

  async forget(chainId: string): Promise<void> {
    for (const [key, known] of this.known.entries()) {
      if (known.chainId === chainId) this.known.delete(key);
    }
  }
}
