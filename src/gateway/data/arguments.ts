/**
 * Strict parsing of the data routes' query parameters. Every rejection is a 400 invalid_request whose
 * message names the parameter and says what it accepts.
 */
import { MAX_DIVISION_CODE, MAX_DIVISIONS_IN_LIST } from "../../shared/rules/queryLimits";
import { MAX_ROLES, parseRoles as parseRoleList } from "../../shared/rules/roleList";
import { clip, GatewayError } from "../errors";

export type DivisionSelector =
  { kind: "explicit"; divisions: number[] } | { kind: "all" } | { kind: "current" };

export function invalid(parameter: string, accepts: string, got?: string): GatewayError {
  const shown = got === undefined ? "" : `; got "${clip(got, 40)}"`;
  return new GatewayError(400, "invalid_request", clip(`Parameter "${parameter}" ${accepts}${shown}.`));
}

/** A single query-string value; repeated parameters are refused rather than silently merged. */
export function singleValue(query: Record<string, unknown>, name: string): string | undefined {
  const value = query[name];
  if (value === undefined) return undefined;
  if (typeof value !== "string") throw invalid(name, "may be given only once");
  return value;
}

/** A parameter with two accepted names (`division` / `divisions`): one of them, not both. */
export function eitherValue(
  query: Record<string, unknown>,
  first: string,
  second: string,
): string | undefined {
  const a = singleValue(query, first);
  const b = singleValue(query, second);
  if (a !== undefined && b !== undefined)
    throw invalid(first, `and "${second}" mean the same; give one of them`);
  return a ?? b;
}

/** Refuses parameters a route does not know (a typo must not silently change the answer). */
export function rejectUnknownParameters(query: Record<string, unknown>, known: readonly string[]): void {
  for (const name of Object.keys(query)) {
    if (!known.includes(name)) {
      throw new GatewayError(
        400,
        "invalid_request",
        clip(`Unknown parameter "${name}"; this route accepts ${known.join(", ") || "no parameters"}.`),
      );
    }
  }
}

function parseCode(text: string): number | null {
  if (!/^\d{1,10}$/.test(text)) return null;
  const code = Number(text);
  return code >= 1 && code <= MAX_DIVISION_CODE ? code : null;
}

const DIVISIONS_ACCEPTS = `accepts a division code, a comma-separated list of up to ${MAX_DIVISIONS_IN_LIST} codes, "all" or "current"`;

/**
 * One code, a comma list, "all", "current" (the user's current division in Exact), or nothing: then
 * `fallback` — the current division for most routes, every accessible division for role-holders.
 */
export function parseDivisions(
  raw: string | undefined,
  parameter: string,
  fallback: "current" | "all" = "current",
): DivisionSelector {
  if (raw === undefined || raw.trim() === "") return { kind: fallback };
  const text = raw.trim();
  if (text.toLowerCase() === "all") return { kind: "all" };
  if (text.toLowerCase() === "current") return { kind: "current" };
  if (text.length > MAX_DIVISIONS_IN_LIST * 11) throw invalid(parameter, DIVISIONS_ACCEPTS, text);
  const parts = text.split(",").map((part) => part.trim());
  if (parts.length > MAX_DIVISIONS_IN_LIST) throw invalid(parameter, DIVISIONS_ACCEPTS, text);
  const codes: number[] = [];
  for (const part of parts) {
    const code = parseCode(part);
    if (code === null) throw invalid(parameter, DIVISIONS_ACCEPTS, text);
    if (!codes.includes(code)) codes.push(code);
  }
  return { kind: "explicit", divisions: codes };
}

/** Role numbers: a list of positive whole numbers (the shared rule, src/shared/rules/roleList.ts). */
export function parseRoles(raw: string | undefined, parameter: string, required: boolean): number[] | null {
  const accepts = `accepts role numbers such as 274 or 274,11 (at most ${MAX_ROLES})`;
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
