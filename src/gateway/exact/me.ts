/**
 * current/Me through the Exact client like every other call (scheduler, budget, one 401 → refresh →
 * retry, unreadable pages → exact_unavailable). The session check re-reads it at most every 30 s per
 * token chain, and concurrent checks of one chain share a single call in flight.
 */
import { LRUCache } from "lru-cache";
import type { Clock } from "../../shared/clock";
import { GatewayError } from "../errors";
import type { ExactUser } from "../store/types";
import type { ExactCaller, ExactClient } from "./client";
import type { ExactRecord } from "./odata";

export const ME_SELECT = ["UserID", "FullName", "UserName", "Email", "CurrentDivision", "LanguageCode"];

export interface CurrentUser {
  user: ExactUser;
  /** Me.CurrentDivision follows the company the user last opened in Exact. */
  currentDivision: number | null;
}

export function currentUserOf(me: ExactRecord | undefined): CurrentUser {
  if (!me || typeof me.UserID !== "string") {
    throw new GatewayError(502, "exact_error", "Exact Online answered current/Me without a user.");
  }
  return {
    user: {
      id: me.UserID.toLowerCase(),
      fullName: String(me.FullName ?? ""),
      userName: String(me.UserName ?? ""),
      email: typeof me.Email === "string" && me.Email !== "" ? me.Email : null,
    },
    currentDivision: typeof me.CurrentDivision === "number" ? me.CurrentDivision : null,
  };
}

export async function readCurrentUser(client: ExactClient, caller: ExactCaller): Promise<CurrentUser> {
  const records = await client.getAll(caller, null, "current/Me", { $select: ME_SELECT.join(",") });
  return currentUserOf(records[0]);
}

/** Spares Exact's rate budget when functions and the task pane ask often. */
export const CURRENT_USER_TTL_MS = 30_000;

/**
 * Where recent current/Me answers are kept per token chain: this process's memory, or (several instances
 * on PostgreSQL, coordination/) the store, so 60 session checks spread over 3 instances cost one read.
 */
export interface RecentCurrentUsers {
  /** The chain's answer younger than CURRENT_USER_TTL_MS, else `load`'s (run once for concurrent callers). */
  read(chainId: string, load: () => Promise<CurrentUser>): Promise<CurrentUser>;
}

/** One process's recent current/Me answers (bounded; concurrent callers share one read in flight). */
export class MemoryCurrentUsers implements RecentCurrentUsers {
  private readonly recent: LRUCache<string, CurrentUser, () => Promise<CurrentUser>>;

  constructor(clock: Clock, maxChains = 10_000) {
    this.recent = new LRUCache<string, CurrentUser, () => Promise<CurrentUser>>({
      max: maxChains,
      // lru-cache serves an entry until its age exceeds `ttl`; ours expire when the age reaches the TTL.
      ttl: CURRENT_USER_TTL_MS - 1,
      ttlResolution: 0, // the clock may be virtual: never reuse a "now" across calls
      perf: clock,
      fetchMethod: (_chainId, _stale, { context }) => context(),
    });
  }

  async read(chainId: string, load: () => Promise<CurrentUser>): Promise<CurrentUser> {
    const me = await this.recent.fetch(chainId, { context: load });
    if (!me)
      throw new GatewayError(502, "exact_unavailable", "Exact Online did not return the signed-in user.");
    return me;
  }
}

/** The session check's reader: one current/Me per chain per 30 s, shared by concurrent callers. */
export class CurrentUserReader {
  constructor(
    private readonly client: ExactClient,
    private readonly recent: RecentCurrentUsers,
  ) {}

  read(caller: ExactCaller): Promise<CurrentUser> {
    return this.recent.read(caller.chainId, () => readCurrentUser(this.client, caller));
  }
}
