/**
 * Row ↔ record mapping for the records store (the same columns on SQLite and PostgreSQL), and the
 * sealed key-check marker that proves the configured key matches the stored data.
 */
import type { Insertable, Selectable } from "kysely";
import type { Country } from "../../shared/countries";
import type { SecretBox } from "../crypto/secretBox";
import type { ChainsTable, FlagColumn, LoginsTable, SessionsTable } from "./tables";
import type { ChainRecord, ChainTokens, ExactUser, LoginRecord, SessionRecord } from "./types";

const KEY_CHECK = "eol-key-check";

/** SQLite reads flags back as 0/1, PostgreSQL as booleans. */
const flag = (value: Selectable<{ f: FlagColumn }>["f"]): boolean => value === true || value === 1;
const division = (value: number | null): number | null => (value == null ? null : Number(value));

export function loginFromRow(row: Selectable<LoginsTable>, box: SecretBox): LoginRecord {
  return {
    id: row.id,
    secretHash: row.secret_hash,
    country: row.country as Country,
    clientId: row.client_id,
    clientSecret: box.open(row.client_secret_sealed),
    redirectUri: row.redirect_uri,
    managed: flag(row.managed),
    stateHash: row.state_hash,
    status: row.status,
    createdAt: Number(row.created_at),
    expiresAt: Number(row.expires_at),
    chainId: row.chain_id,
    user: row.user_json == null ? null : (JSON.parse(row.user_json) as ExactUser),
    currentDivision: division(row.current_division),
    errorCode: row.error_code,
    completionHash: row.completion_hash,
    errorMessage: row.error_message,
    keptTokens:
      row.kept_tokens_sealed == null ? null : (JSON.parse(box.open(row.kept_tokens_sealed)) as ChainTokens),
  };
}

/** A new login's row: its outcome columns start empty (NEW_LOGIN_OUTCOME). */
export function loginRow(login: LoginRecord, box: SecretBox): Insertable<LoginsTable> {
  return {
    id: login.id,
    secret_hash: login.secretHash,
    country: login.country,
    client_id: login.clientId,
    client_secret_sealed: box.seal(login.clientSecret),
    redirect_uri: login.redirectUri,
    managed: login.managed ? 1 : 0,
    state_hash: login.stateHash,
    status: login.status,
    created_at: login.createdAt,
    expires_at: login.expiresAt,
  };
}

/** A token pair sealed for a login's `kept_tokens_sealed` column (only the four token fields). */
export function sealTokens(box: SecretBox, tokens: ChainTokens): string {
  const { accessToken, accessIssuedAt, accessExpiresAt, refreshToken } = tokens;
  return box.seal(JSON.stringify({ accessToken, accessIssuedAt, accessExpiresAt, refreshToken }));
}

export function chainFromRow(row: Selectable<ChainsTable>, box: SecretBox): ChainRecord {
  return {
    id: row.id,
    userId: row.user_id,
    clientId: row.client_id,
    country: row.country as Country,
    clientSecret: box.open(row.client_secret_sealed),
    accessToken: box.open(row.access_token_sealed),
    accessIssuedAt: Number(row.access_issued_at),
    accessExpiresAt: Number(row.access_expires_at),
    refreshToken: box.open(row.refresh_token_sealed),
    status: row.status,
    version: Number(row.version),
    updatedAt: Number(row.updated_at),
  };
}

export function sessionFromRow(row: Selectable<SessionsTable>): SessionRecord {
  return {
    id: row.id,
    tokenHash: row.token_hash,
    chainId: row.chain_id,
    user: JSON.parse(row.user_json) as ExactUser,
    country: row.country as Country,
    clientId: row.client_id,
    currentDivision: division(row.current_division),
    managed: flag(row.managed),
    createdAt: Number(row.created_at),
    lastUsedAt: Number(row.last_used_at),
  };
}

export function sessionRow(session: SessionRecord): Insertable<SessionsTable> {
  return {
    id: session.id,
    token_hash: session.tokenHash,
    chain_id: session.chainId,
    user_json: JSON.stringify(session.user),
    country: session.country,
    client_id: session.clientId,
    current_division: session.currentDivision,
    managed: session.managed ? 1 : 0,
    created_at: session.createdAt,
    last_used_at: session.lastUsedAt,
  };
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
