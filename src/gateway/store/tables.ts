/**
 * The records store's tables as Kysely sees them: one description for SQLite and PostgreSQL. Times are
 * epoch milliseconds (PostgreSQL BIGINTs are read as numbers, see postgresStore.ts); flags are written as
 * 0/1, which PostgreSQL's BOOLEAN accepts, and read back as 0/1 (SQLite) or true/false (PostgreSQL).
 * Secret columns (`*_sealed`) hold AES-GCM ciphertext.
 */
import type { ColumnType } from "kysely";

/** A flag column: written 0/1, read 0/1 or a boolean depending on the dialect. */
export type FlagColumn = ColumnType<number | boolean, number, number>;

export interface ChainsTable {
  id: string;
  user_id: string;
  client_id: string;
  country: string;
  client_secret_sealed: string;
  access_token_sealed: string;
  access_issued_at: number;
  access_expires_at: number;
  refresh_token_sealed: string;
  status: "live" | "dead";
  version: number;
  updated_at: number;
}

export interface LoginsTable {
  id: string;
  secret_hash: string;
  country: string;
  client_id: string;
  client_secret_sealed: string;
  redirect_uri: string;
  managed: FlagColumn;
  state_hash: string | null;
  status: "pending" | "completed" | "failed" | "redeemed";
  created_at: number;
  expires_at: number;
  chain_id: ColumnType<string | null, string | null | undefined, string | null>;
  user_json: ColumnType<string | null, string | null | undefined, string | null>;
  current_division: ColumnType<number | null, number | null | undefined, number | null>;
  error_code: ColumnType<string | null, string | null | undefined, string | null>;
  error_message: ColumnType<string | null, string | null | undefined, string | null>;
  completion_hash: ColumnType<string | null, string | null | undefined, string | null>;
  kept_tokens_sealed: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface SessionsTable {
  id: string;
  token_hash: string;
  chain_id: string;
  user_json: string;
  country: string;
  client_id: string;
  current_division: number | null;
  managed: FlagColumn;
  created_at: number;
  last_used_at: number;
}

export interface MetaTable {
  key: string;
  value: string;
}

/** What an access-review answer served, kept for its caller until `expires_at`. */
export interface ReviewSnapshotsTable {
  id: string;
  user_id: string;
  licence: string;
  scope_key: string;
  served_at: number;
  expires_at: number;
  content_json: string;
}

/** A signed-off review: `evidence_json` is the canonical JSON whose SHA-256 is `hash`. */
export interface ReviewsTable {
  id: string;
  licence: string;
  sequence: number;
  scope_key: string;
  snapshot_id: string;
  reviewer_id: string;
  signed_at: number;
  evidence_json: string;
  previous_hash: string | null;
  hash: string;
  summary_json: string;
}

export interface StoreTables {
  chains: ChainsTable;
  logins: LoginsTable;
  sessions: SessionsTable;
  meta: MetaTable;
  review_snapshots: ReviewSnapshotsTable;
  reviews: ReviewsTable;
}
