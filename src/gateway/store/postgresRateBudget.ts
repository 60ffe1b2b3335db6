/**
 * Rate budgets shared by every instance on one PostgreSQL: one row per (client ID, division) holding the
 * minute and day windows. Each step locks the row (SELECT … FOR UPDATE in one transaction) and applies
 * the same rules as the in-memory budget (scheduler/budget.ts), so two instances never both take the
 * last call of a minute.
 */
import type pg from "pg";
import { DivisionBudget, type BudgetWindows } from "../scheduler/budget";
import type { RateLimitSnapshot } from "../scheduler/rateLimitHeaders";
import type { SharedDecision, SharedRateBudget, UserShare } from "../scheduler/sharedBudget";

const MINUTE_MS = 60_000;

interface BudgetRow {
  minute_limit: number | null;
  minute_remaining: number | null;
  minute_reset: string | null;
  day_limit: number | null;
  day_remaining: number | null;
  day_reset: string | null;
}

const toNumber = (value: string | null): number | null => (value === null ? null : Number(value));

function windowsFromRow(row: BudgetRow): BudgetWindows {
  return {
    minute: { limit: row.minute_limit, remaining: row.minute_remaining, resetAt: toNumber(row.minute_reset) },
    day: { limit: row.day_limit, remaining: row.day_remaining, resetAt: toNumber(row.day_reset) },
  };
}

export class PostgresRateBudget implements SharedRateBudget {
  constructor(private readonly pool: pg.Pool) {}

  reserve(key: string, division: number | null, now: number, share?: UserShare): Promise<SharedDecision> {
    return this.update(key, division, async (budget, client) => {
      const decision: SharedDecision = budget.decide(now);
      if (decision.kind !== "send") return decision;
      if (share && !(await this.takeShare(client, key, share, now))) {
        return { kind: "shareSpent", until: (Math.floor(now / MINUTE_MS) + 1) * MINUTE_MS };
      }
      budget.reserve();
      return decision;
    });
  }

  /** Counts one call of the user's share of this minute, unless it is used up (row lock held). */
  private async takeShare(
    client: pg.PoolClient,
    key: string,
    share: UserShare,
    now: number,
  ): Promise<boolean> {
    const minute = Math.floor(now / MINUTE_MS);
    // Rows of earlier minutes are worth nothing: they go as the budget is used.
    await client.query("DELETE FROM eol_rate_shares WHERE key = $1 AND minute < $2", [key, minute]);
    const { rows } = await client.query<{ used: number }>(
      `INSERT INTO eol_rate_shares (key, user_key, minute, used) VALUES ($1, $2, $3, 1)
       ON CONFLICT (key, user_key) DO UPDATE SET used = eol_rate_shares.used + 1
       WHERE eol_rate_shares.used < $4
       RETURNING used`,
      [key, share.user, minute, share.limit],
    );
    return rows.length > 0;
  }

  learn(key: string, division: number | null, snapshot: RateLimitSnapshot, now: number): Promise<void> {
    return this.update(key, division, (budget) => budget.learn(snapshot, now));
  }

  markMinuteSpent(key: string, division: number | null, resetAt: number | null, now: number): Promise<void> {
    return this.update(key, division, (budget) => budget.markMinuteSpent(resetAt, now));
  }

  markDaySpent(key: string, division: number | null, resetAt: number | null): Promise<void> {
    return this.update(key, division, (budget) => budget.markDaySpent(resetAt));
  }

  /** Runs `step` on the row of `key` while holding its row lock, and stores the result. */
  private async update<T>(
    key: string,
    division: number | null,
    step: (budget: DivisionBudget, client: pg.PoolClient) => T | Promise<T>,
  ): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN");
      await client.query("INSERT INTO eol_rate_budgets (key) VALUES ($1) ON CONFLICT (key) DO NOTHING", [
        key,
      ]);
      const { rows } = await client.query<BudgetRow>(
        `SELECT minute_limit, minute_remaining, minute_reset, day_limit, day_remaining, day_reset
         FROM eol_rate_budgets WHERE key = $1 FOR UPDATE`,
        [key],
      );
      const budget = DivisionBudget.restore(division, windowsFromRow(rows[0]));
      const result = await step(budget, client);
      const { minute, day } = budget.windows();
      await client.query(
        `UPDATE eol_rate_budgets SET minute_limit = $2, minute_remaining = $3, minute_reset = $4,
         day_limit = $5, day_remaining = $6, day_reset = $7 WHERE key = $1`,
        [key, minute.limit, minute.remaining, minute.resetAt, day.limit, day.remaining, day.resetAt],
      );
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}
