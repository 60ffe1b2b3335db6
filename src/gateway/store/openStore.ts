/**
 * Opens the configured sign-in store: PostgreSQL when EOL_DATABASE_URL is set (several instances share
 * it), else SQLite in the data directory, which one gateway process owns at a time (a lock file).
 */
import path from "node:path";
import fs from "node:fs";
import lockfile from "proper-lockfile";
import type { GatewayConfig } from "../config";
import { openSecretKey } from "../crypto/keyFile";
import { SecretBox } from "../crypto/secretBox";
import { PostgresAuthStore } from "./postgresStore";
import { openSqliteStore } from "./sqliteStore";
import type { AuthStore } from "./types";

export const DATA_DIR_LOCK = "gateway.lock";

export async function openStore(
  config: Pick<GatewayConfig, "databaseUrl" | "secretKey" | "dataDir">,
): Promise<AuthStore> {
  if (config.databaseUrl) {
    return PostgresAuthStore.open(config.databaseUrl, new SecretBox(config.secretKey!));
  }
  const release = lockDataDir(config.dataDir);
  try {
    // The key is checked against the store before a newly generated one is written to disk.
    const secretKey = openSecretKey(config.secretKey, config.dataDir);
    const store = await openSqliteStore(config.dataDir, new SecretBox(secretKey.key));
    secretKey.save();
    const close = store.close.bind(store);
    store.close = async () => {
      await close();
      release();
    };
    return store;
  } catch (error) {
    release();
    throw error;
  }
}

/**
 * Claims the data directory for this process. A second gateway on it would keep its own in-process
 * locks, rate budget and cache beside ours, and both would refresh the same token chains.
 */
export function lockDataDir(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  try {
    return lockfile.lockSync(dataDir, {
      lockfilePath: path.join(dataDir, DATA_DIR_LOCK),
      realpath: false,
      // A lock whose owner died (no heartbeat) is taken over after this long.
      stale: 10_000,
      onCompromised: (error) => process.emitWarning(`Data directory lock lost: ${error.message}`),
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ELOCKED") throw error;
    throw new Error(
      `Another gateway process is using EOL_DATA_DIR=${dataDir} (SQLite allows one process per data directory). ` +
        "Stop it, give this one its own EOL_DATA_DIR, or run several instances on PostgreSQL with EOL_DATABASE_URL (docs/deploy.md).",
    );
  }
}
