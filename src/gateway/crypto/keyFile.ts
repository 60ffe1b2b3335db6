/**
 * The secret key's file in the data directory. A new key is only written once the store has accepted
 * it (`save()` after the store's key check), so a missing key file next to encrypted data never gets a
 * fresh, useless key written over the evidence. A key file other users can read is refused.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export const SECRET_KEY_FILE = "secret.key";

export interface OpenedKey {
  key: Buffer;
  /** Writes a newly generated key (mode 0600); a no-op for a configured or existing key. */
  save(): void;
}

function refuseLooseMode(file: string): void {
  if (process.platform === "win32") return;
  const mode = fs.statSync(file).mode & 0o777;
  if ((mode & 0o077) !== 0) {
    throw new Error(
      `${file} can be read by other users (mode ${mode.toString(8).padStart(4, "0")}); run "chmod 600 ${file}" and start again.`,
    );
  }
}

/** The configured key, or the data directory's key file, or a new key to save once the store accepts it. */
export function openSecretKey(configured: Buffer | null, dataDir: string): OpenedKey {
  const none = { save: () => undefined };
  if (configured) return { key: configured, ...none };
  const file = path.join(dataDir, SECRET_KEY_FILE);
  fs.mkdirSync(dataDir, { recursive: true });
  let text: string | null = null;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") {
      throw new Error(`Cannot read ${file}: ${(error as Error).message}`);
    }
  }
  if (text !== null) {
    refuseLooseMode(file);
    const key = Buffer.from(text.trim(), "hex");
    if (key.length !== 32 || !/^[0-9a-f]{64}$/i.test(text.trim())) {
      throw new Error(`${file} does not hold a 32-byte hex key; restore the original or set EOL_SECRET_KEY`);
    }
    return { key, ...none };
  }
  const key = crypto.randomBytes(32);
  return {
    key,
    // "wx": never overwrite a key another process wrote meanwhile.
    save: () => fs.writeFileSync(file, key.toString("hex") + "\n", { mode: 0o600, flag: "wx" }),
  };
}
