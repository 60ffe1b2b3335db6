/**
 * AES-256-GCM for secrets at rest (client secrets, access and refresh tokens). Each value gets its own
 * random 96-bit nonce; the stored form is "v1.<nonce>.<tag>.<ciphertext>" in base64url, and tampering or
 * a wrong key makes decryption fail loudly instead of returning garbage.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export class SecretBox {
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error("SecretBox needs a 32-byte key");
  }

  seal(plain: string): string {
    const nonce = crypto.randomBytes(12);
    const cipher = crypto.createCipheriv("aes-256-gcm", this.key, nonce);
    const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
    const tag = cipher.getAuthTag();
    return ["v1", nonce, tag, data]
      .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
      .join(".");
  }

  open(sealed: string): string {
    const [version, nonce, tag, data] = sealed.split(".");
    if (version !== "v1" || nonce === undefined || tag === undefined || data === undefined) {
      throw new Error("Not a sealed value");
    }
    const decipher = crypto.createDecipheriv("aes-256-gcm", this.key, Buffer.from(nonce, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString(
      "utf8",
    );
  }
}

export const SECRET_KEY_FILE = "secret.key";

/**
 * The configured key, or the one in the data directory, generated there (mode 0600) on first run.
 * Two processes starting at once agree on one key: the file appears whole (written aside, then linked,
 * which fails if it exists) and the loser reads the winner's key.
 */
export function loadOrCreateSecretKey(configured: Buffer | null, dataDir: string): Buffer {
  if (configured) return configured;
  const file = path.join(dataDir, SECRET_KEY_FILE);
  fs.mkdirSync(dataDir, { recursive: true });
  const existing = readKeyFile(file);
  if (existing) return existing;
  const key = crypto.randomBytes(32);
  const aside = `${file}.${process.pid}.${crypto.randomBytes(4).toString("hex")}`;
  fs.writeFileSync(aside, key.toString("hex") + "\n", { mode: 0o600, flag: "wx" });
  try {
    fs.linkSync(aside, file);
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return readKeyFile(file)!;
  } finally {
    fs.rmSync(aside, { force: true });
  }
}

function readKeyFile(file: string): Buffer | null {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  const key = Buffer.from(text.trim(), "hex");
  if (key.length !== 32)
    throw new Error(`${file} does not hold a 32-byte hex key; remove it or set EOL_SECRET_KEY`);
  return key;
}
