/**
 * Recent current/Me answers kept in the store's shared cache, so every instance on one PostgreSQL reads
 * a chain's identity at most once per CURRENT_USER_TTL_MS (a miss is fetched once across instances,
 * cache/sharedCache.ts); concurrent checks in this process share one trip to the store. Clear cache drops
 * them with the chain's answers (the next check reads current/Me again, as a new sign-in would).
 */
import type { Clock } from "../../shared/clock";
import type { SharedResultCache } from "../cache/sharedCache";
import { CURRENT_USER_TTL_MS, type CurrentUser, type RecentCurrentUsers } from "../exact/me";

export class StoreCurrentUsers implements RecentCurrentUsers {
  private readonly joining = new Map<string, Promise<CurrentUser>>();

  constructor(
    private readonly shared: SharedResultCache,
    private readonly clock: Clock,
  ) {}

  read(chainId: string, load: () => Promise<CurrentUser>): Promise<CurrentUser> {
    let pending = this.joining.get(chainId);
    if (!pending) {
      pending = this.shared
        .getOrLoad(JSON.stringify(["current/Me", chainId]), chainId, load, {
          now: () => this.clock.now(),
          ttlMs: CURRENT_USER_TTL_MS,
          fresh: false,
        })
        .then((entry) => entry.value as CurrentUser)
        .finally(() => this.joining.delete(chainId));
      this.joining.set(chainId, pending);
    }
    return pending;
  }
}
