/**
 * The evidence of a signed-off review and its hash: an object written out as canonical JSON (RFC 8785,
 * the `canonicalize` library) whose SHA-256 is the review's hash. It contains the previous review's
 * hash of the same licence, so the reviews of a licence form a chain: changing any stored review breaks
 * its own hash, and recomputing that hash breaks the next review's link. docs/access-review.md (sign-off and evidence)
 * writes the form out for auditors who re-hash it themselves.
 */
import crypto from "node:crypto";
import canonicalize from "canonicalize";
import type { ReviewDecision, Reviewer } from "../../shared/api/reviews";
import type { StoredReview } from "../store/types";

export const EVIDENCE_FORMAT = "eol-access-review/1";

/** What a review's hash covers: every field below, and nothing else. */
export interface Evidence {
  format: typeof EVIDENCE_FORMAT;
  id: string;
  licence: string;
  sequence: number;
  /** The Exact user of the session that signed off (never a name the client sent). */
  reviewer: Reviewer;
  /** The gateway's clock at sign-off (ISO). */
  signedAt: string;
  snapshot: {
    id: string;
    servedAt: string;
    /** The access-review answer exactly as served under this snapshot id. */
    answer: unknown;
  };
  decisions: (Omit<ReviewDecision, "comment"> & { comment: string | null })[];
  /** The hash of the licence's previous review; null for its first. */
  previousHash: string | null;
}

/** The canonical JSON text of a value (RFC 8785): sorted keys, no spaces, ECMAScript numbers. */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new Error("Evidence cannot be written as canonical JSON.");
  return text;
}

export function sha256Hex(text: string): string {
  return crypto.createHash("sha256").update(text, "utf8").digest("hex");
}

/** The text a review stores and the hash of it. */
export function sealEvidence(evidence: Evidence): { evidenceJson: string; hash: string } {
  const evidenceJson = canonicalJson(evidence);
  return { evidenceJson, hash: sha256Hex(evidenceJson) };
}

/** Why a stored review no longer matches, or null when it does (given the previous one in its chain). */
export function brokenLink(review: StoredReview, previous: StoredReview | null): string | null {
  let evidence: Partial<Evidence>;
  try {
    evidence = JSON.parse(review.evidenceJson) as Partial<Evidence>;
  } catch {
    return "its evidence is no longer valid JSON";
  }
  // Re-hash the canonical form of what is stored, so a change in any field (or in its spelling) shows.
  if (sha256Hex(canonicalJson(evidence)) !== review.hash) return "its evidence does not match its hash";
  if (
    evidence.id !== review.id ||
    evidence.licence !== review.licence ||
    evidence.sequence !== review.sequence
  ) {
    return "its id, licence or place in the chain differs from its evidence";
  }
  const expectedPrevious = previous?.hash ?? null;
  if (evidence.previousHash !== expectedPrevious || review.previousHash !== expectedPrevious) {
    return previous
      ? `it does not link to the hash of review ${previous.id}`
      : "the first review of the licence links to an earlier one";
  }
  if (previous && review.sequence !== previous.sequence + 1) return "a review before it is missing";
  if (!previous && review.sequence !== 1) return "the reviews before it are missing";
  return null;
}
