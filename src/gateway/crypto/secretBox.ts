/**
 * AES-256-GCM for secrets at rest (client secrets, access and refresh tokens). Each value gets its own
 * random 96-bit nonce; the stored form is "v1.<nonce>.<tag>.<ciphertext>" in base64url, and tampering or
 * a wrong key makes decryption fail loudly instead of returning garbage.
 */
import crypto from "node:crypto";
import { openSecretKey } from "./keyFile";

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

export { SECRET_KEY_FILE } from "./keyFile";

/** The configured key, or the one in the data directory, generated there (mode 0600) on first run. */
export function loadOrCreateSecretKey(configured: Buffer | null, dataDir: string): Buffer {
  const opened = openSecretKey(configured, dataDir);
  opened.save();
  return opened.key;
}
