/**
 * What the data routes' parameters mean beyond their schemas (schemas/requests.ts): division lists,
 * role lists, booleans. Every rejection is a 400 invalid_request whose message names the parameter and
 * says what it accepts.
 */
import { parseDivisionList } from "../../shared/rules/divisionList";
import { MAX_DIVISIONS_IN_LIST } from "../../shared/rules/queryLimits";
import { MAX_ROLES, parseRoles as parseRoleList } from "../../shared/rules/roleList";
import { clip, GatewayError } from "../errors";

export type DivisionSelector =
  { kind: "explicit"; divisions: number[] } | { kind: "all" } | { kind: "current" };

export function invalid(parameter: string, accepts: string, got?: string): GatewayError {
  const shown = got === undefined ? "" : `; got "${clip(got, 40)}"`;
  return new GatewayError(400, "invalid_request", clip(`Parameter "${parameter}" ${accepts}${shown}.`));
}

/** A parameter with two accepted names (`division` / `divisions`): one of them, not both. */
export function eitherValue<K extends string>(
  query: Partial<Record<K, string>>,
  first: K,
  second: K,
): string | undefined {
  const a = query[first];
  const b = query[second];
  if (a !== undefined && b !== undefined)
    throw invalid(first, `and "${second}" mean the same; give one of them`);
  return a ?? b;
}

export const DIVISIONS_ACCEPTS = `accepts a division code, a comma-separated list of up to ${MAX_DIVISIONS_IN_LIST} codes, "all" or "current"`;

/**
 * One code, a comma list, "all", "current" (the shared grammar, src/shared/rules/divisionList.ts), or nothing: then
 * `fallback` — the current division for most routes, every accessible division for role-holders.
 */
export function parseDivisions(
  raw: string | undefined,
  parameter: string,
  fallback: "current" | "all" = "current",
): DivisionSelector {
  if (raw === undefined || raw.trim() === "") return { kind: fallback };
  const text = raw.trim();
  // Bounded work: no list of MAX_DIVISIONS_IN_LIST codes is longer (10 digits and a comma each).
  if (text.length > MAX_DIVISIONS_IN_LIST * 11) throw invalid(parameter, DIVISIONS_ACCEPTS, text);
  const parsed = parseDivisionList([text], "wire");
  if (!parsed.ok) throw invalid(parameter, DIVISIONS_ACCEPTS, text);
  const { selection } = parsed;
  return typeof selection === "string" ? { kind: selection } : { kind: "explicit", divisions: selection };
}

/** Role numbers: a list of positive whole numbers (the shared rule, src/shared/rules/roleList.ts). */
export const ROLES_ACCEPTS = `accepts role numbers such as 274 or 274,11 (at most ${MAX_ROLES})`;

export function parseRoles(raw: string | undefined, parameter: string, required: boolean): number[] | null {
  const accepts = ROLES_ACCEPTS;
  const parsed = parseRoleList(raw ?? "");
  if (!parsed.ok) throw invalid(parameter, accepts, raw);
  if (parsed.roles.length > 0) return parsed.roles;
  if (required) throw invalid(parameter, `is required and ${accepts}`);
  return null;
}

export function parseBoolean(raw: string | undefined, parameter: string, fallback: boolean): boolean {
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = raw.trim().toLowerCase();
  if (["true", "1", "yes"].includes(value)) return true;
  if (["false", "0", "no"].includes(value)) return false;
  throw invalid(parameter, "accepts true or false", raw);
}

export function parseScope(raw: string | undefined): "accessible" | "license" {
  if (raw === undefined || raw === "" || raw === "accessible") return "accessible";
  if (raw === "license") return "license";
  throw invalid("scope", 'accepts "accessible" (default) or "license"', raw);
}

export function wantsFresh(cacheControl: string | string[] | undefined): boolean {
  const text = Array.isArray(cacheControl) ? cacheControl.join(",") : (cacheControl ?? "");
  return /(^|,)\s*no-cache\s*(,|$)/i.test(text) || /(^|,)\s*no-store\s*(,|$)/i.test(text);
}
