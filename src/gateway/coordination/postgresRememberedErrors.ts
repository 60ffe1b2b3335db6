/**
 * Exact's definitive 4xx answers remembered in PostgreSQL, so every instance on the database refuses a
 * bad request another instance already sent (one upstream error in all). The key is hashed (URLs hold
 * filters) and the error sealed like every other value at rest; a write drops the chain's expired rows.
 */
import type pg from "pg";
import { sha256 } from "../crypto/random";
import type { SecretBox } from "../crypto/secretBox";
import type { GatewayError } from "../errors";
import { errorFromShape, type ErrorShape, type RememberedErrors } from "../exact/rememberedErrors";

export class PostgresRememberedErrors implements RememberedErrors {
  constructor(
    private readonly pool: pg.Pool,
    private readonly box: SecretBox,
  ) {}

  async recall(chainId: string, url: string, now: number): Promise<GatewayError | null> {
    const { rows } = await this.pool.query<{ error_sealed: string }>(
      "SELECT error_sealed FROM eol_remembered_errors WHERE key = $1 AND until > $2",
      [keyOf(chainId, url), now],
    );
    if (rows.length === 0) return null;
    return errorFromShape(JSON.parse(this.box.open(rows[0].error_sealed)) as ErrorShape);
  }

  async remember(
    chainId: string,
    url: string,
    error: GatewayError,
    until: number,
    now: number,
  ): Promise<void> {
    const shape: ErrorShape = { status: error.status, code: error.code, message: error.message };
    await this.pool.query(
      `WITH dropped AS (DELETE FROM eol_remembered_errors WHERE chain_id = $2 AND until <= $5)
       INSERT INTO eol_remembered_errors (key, chain_id, error_sealed, until) VALUES ($1, $2, $3, $4)
       ON CONFLICT (key) DO UPDATE SET error_sealed = excluded.error_sealed, until = excluded.until`,
      [keyOf(chainId, url), chainId, this.box.seal(JSON.stringify(shape)), until, now],
    );
  }

  async forget(chainId: string): Promise<void> {
    await this.pool.query("DELETE FROM eol_remembered_errors WHERE chain_id = $1", [chainId]);
  }
}

const keyOf = (chainId: string, url: string): string => sha256(JSON.stringify([chainId, url]));
