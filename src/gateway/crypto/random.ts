/** Random identifiers and secrets, hashing for lookup, and constant-time comparison. */
import crypto from "node:crypto";

/** 256 bits of randomness, base64url (43 characters). */
export function randomSecret(): string {
  return crypto.randomBytes(32).toString("base64url");
}

/** A shorter random identifier (128 bits) for rows that are not secrets by themselves. */
export function randomId(): string {
  return crypto.randomBytes(16).toString("base64url");
}

export function sha256(value: string): string {
  return crypto.createHash("sha256").update(value, "utf8").digest("hex");
}

/** Compares two strings without leaking where they differ (hashes first, so lengths never leak). */
export function constantTimeEqual(a: string, b: string): boolean {
  const left = crypto.createHash("sha256").update(a, "utf8").digest();
  const right = crypto.createHash("sha256").update(b, "utf8").digest();
  return crypto.timingSafeEqual(left, right);
}
