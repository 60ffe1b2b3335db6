/**
 * Row ↔ record mapping shared by the SQLite and PostgreSQL stores (same column names in both), and the
 * sealed key-check marker that proves the configured key matches the stored data.
 */
import type { Country } from "../../shared/countries";
import type { SecretBox } from "../crypto/secretBox";
import type { ChainRecord, ChainTokens, ExactUser, LoginRecord, SessionRecord } from "./types";

/** SQLite hands back numbers and 0/1; PostgreSQL BIGINTs as strings and booleans. */
export type Row = Record<string, string | number | boolean | null>;

const KEY_CHECK = "eol-key-check";

const text = (value: Row[string]): string | null => (value == null ? null : String(value));
const flag = (value: Row[string]): boolean => value === true || value === 1;

export function loginFromRow(row: Row, box: SecretBox): LoginRecord {
  const division = row.current_division;
  return {
    id: String(row.id),
    secretHash: String(row.secret_hash),
    country: row.country as Country,
    clientId: String(row.client_id),
    clientSecret: box.open(String(row.client_secret_sealed)),
    redirectUri: String(row.redirect_uri),
    managed: flag(row.managed),
    stateHash: text(row.state_hash),
    status: row.status as LoginRecord["status"],
    createdAt: Number(row.created_at),
    expiresAt: Number(row.expires_at),
    chainId: text(row.chain_id),
    user: row.user_json == null ? null : (JSON.parse(String(row.user_json)) as ExactUser),
    currentDivision: division == null ? null : Number(division),
    errorCode: text(row.error_code),
    completionHash: text(row.completion_hash),
    errorMessage: text(row.error_message),
    keptTokens:
      row.kept_tokens_sealed == null
        ? null
        : (JSON.parse(box.open(String(row.kept_tokens_sealed))) as ChainTokens),
  };
}

/** A token pair sealed for a login's `kept_tokens_sealed` column (only the four token fields). */
export function sealTokens(box: SecretBox, tokens: ChainTokens): string {
  const { accessToken, accessIssuedAt, accessExpiresAt, refreshToken } = tokens;
  return box.seal(JSON.stringify({ accessToken, accessIssuedAt, accessExpiresAt, refreshToken }));
}

export function chainFromRow(row: Row, box: SecretBox): ChainRecord {
  return {
    id: String(row.id),
    userId: String(row.user_id),
    clientId: String(row.client_id),
    country: row.country as Country,
    clientSecret: box.open(String(row.client_secret_sealed)),
    accessToken: box.open(String(row.access_token_sealed)),
    accessIssuedAt: Number(row.access_issued_at),
    accessExpiresAt: Number(row.access_expires_at),
    refreshToken: box.open(String(row.refresh_token_sealed)),
    status: row.status as ChainRecord["status"],
    version: Number(row.version),
    updatedAt: Number(row.updated_at),
  };
}

export function sessionFromRow(row: Row): SessionRecord {
  const division = row.current_division;
  return {
    id: String(row.id),
    tokenHash: String(row.token_hash),
    chainId: String(row.chain_id),
    user: JSON.parse(String(row.user_json)) as ExactUser,
    country: row.country as Country,
    clientId: String(row.client_id),
    currentDivision: division == null ? null : Number(division),
    managed: flag(row.managed),
    createdAt: Number(row.created_at),
    lastUsedAt: Number(row.last_used_at),
  };
}

/** Sessions joined with their chain's status: `getSessionWithChain` in both stores. */
export const SESSION_WITH_CHAIN_SQL =
  "SELECT sessions.*, chains.status AS chain_status FROM sessions LEFT JOIN chains ON chains.id = sessions.chain_id WHERE sessions.token_hash = ";

export function sessionWithChainFromRow(row: Row): { session: SessionRecord; chainLive: boolean } {
  return { session: sessionFromRow(row), chainLive: row.chain_status === "live" };
}

/** The values of a session row in column order (id … last_used_at), for both stores' INSERT. */
export function sessionValues(session: SessionRecord): (string | number | null)[] {
  return [
    session.id,
    session.tokenHash,
    session.chainId,
    JSON.stringify(session.user),
    session.country,
    session.clientId,
    session.currentDivision,
    session.managed ? 1 : 0,
    session.createdAt,
    session.lastUsedAt,
  ];
}

export const sealKeyCheck = (box: SecretBox): string => box.seal(KEY_CHECK);

/** Throws a clear error when `sealed` was not written with this key. */
export function verifyKeyCheck(box: SecretBox, sealed: string, where: string, fix: string): void {
  let opened: string | null = null;
  try {
    opened = box.open(sealed);
  } catch {
    // reported below
  }
  if (opened !== KEY_CHECK) {
    throw new Error(`The secret key does not match the one ${where} was encrypted with: ${fix}.`);
  }
}
