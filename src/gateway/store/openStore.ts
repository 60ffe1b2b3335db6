/**
 * Opens the configured sign-in store: PostgreSQL when EOL_DATABASE_URL is set (several instances share
 * it), else SQLite in the data directory, which one gateway process owns at a time (dataDirLock.ts).
 */
import type { GatewayConfig } from "../config/config";
import { openSecretKey } from "../crypto/keyFile";
import { SecretBox } from "../crypto/secretBox";
import { PostgresAuthStore } from "./postgresStore";
import { openSqliteStore } from "./sqliteStore";
import { lockDataDir } from "./dataDirLock";
import type { AuthStore } from "./types";

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
