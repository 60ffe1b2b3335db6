/**
 * Segregation-of-duties rules as users write them: a range of two or three columns — role A, role B and
 * an optional rule name — one rule per row. Which roles must be separated is the organisation's policy,
 * so the rules always come from the user; there is no built-in list. One parser for the function's
 * argument (add-in), the Access review sheet's "Separation rules" table and the gateway's `rules`
 * parameter, so every place accepts and refuses exactly the same rows.
 *
 * Skipped: empty rows, rows whose first cell starts with "#" (a comment, e.g. the sheet's example), and a
 * first row whose role cells are both words (a header row such as "Role A | Role B | Rule").
 * An empty cell may reach a custom function as 0 (Excel on Windows), so 0 counts as empty here too.
 */

/** At most this many rules: they travel to the gateway in one request's address. */
export const MAX_SOD_RULES = 50;
export const MAX_SOD_RULE_NAME = 60;

export interface SodRule {
  roleA: number;
  roleB: number;
  /** The rule's name; null when the row has none ("274 and 11" is shown then). */
  name: string | null;
}

export type SodRulesResult = { ok: true; rules: SodRule[] } | { ok: false; message: string };

const ROLE_NUMBER = /^\d{1,9}$/;

function isBlank(cell: unknown): boolean {
  return (
    cell === null || cell === undefined || cell === 0 || (typeof cell === "string" && cell.trim() === "")
  );
}

function roleNumber(cell: unknown): number | null {
  if (typeof cell === "number") return Number.isInteger(cell) && cell >= 1 && cell < 1e9 ? cell : null;
  if (typeof cell === "string" && ROLE_NUMBER.test(cell.trim())) {
    const role = Number(cell.trim());
    return role >= 1 ? role : null;
  }
  return null;
}

const isWord = (cell: unknown) => typeof cell === "string" && cell.trim() !== "" && roleNumber(cell) === null;

export function ruleLabel(rule: SodRule): string {
  return rule.name ?? `${rule.roleA} and ${rule.roleB}`;
}

function shown(cell: unknown): string {
  const text = String(cell).trim();
  return text.length > 20 ? `${text.slice(0, 20)}…` : text;
}

/** One row (1-based `row` for messages): a rule, null to skip it, or the problem. */
function parseRow(cells: readonly unknown[], row: number): SodRule | null | string {
  if (cells.every(isBlank)) return null;
  const first = cells.find((cell) => !isBlank(cell));
  if (typeof first === "string" && first.trim().startsWith("#")) return null;
  if (row === 1 && isWord(cells[0]) && isWord(cells[1])) return null;
  if (cells.length > 3 && cells.slice(3).some((cell) => !isBlank(cell))) {
    return `row ${row} has more than three columns (role A, role B, rule name)`;
  }
  const roles: number[] = [];
  for (const [index, label] of [
    [0, "role A"],
    [1, "role B"],
  ] as const) {
    const cell = cells[index];
    if (isBlank(cell)) return `row ${row}: ${label} is missing`;
    const role = roleNumber(cell);
    if (role === null) return `row ${row}: ${label} "${shown(cell)}" is not a role number`;
    roles.push(role);
  }
  const [roleA, roleB] = roles as [number, number];
  if (roleA === roleB) return `row ${row}: role A and role B are both ${roleA}`;
  const nameCell = cells[2];
  if (!isBlank(nameCell) && typeof nameCell !== "string" && typeof nameCell !== "number") {
    return `row ${row}: the rule name is not a text`;
  }
  const name = isBlank(nameCell) ? null : String(nameCell).trim();
  if (name !== null && name.length > MAX_SOD_RULE_NAME) {
    return `row ${row}: the rule name is longer than ${MAX_SOD_RULE_NAME} characters`;
  }
  return { roleA, roleB, name };
}

/** Parses the rows of a rules range; the message of a refusal names the row (1-based, in the range). */
export function parseSodRules(rows: readonly (readonly unknown[])[]): SodRulesResult {
  const rules: SodRule[] = [];
  const seen = new Map<string, number>();
  for (const [index, cells] of rows.entries()) {
    const row = index + 1;
    const parsed = parseRow(cells, row);
    if (parsed === null) continue;
    if (typeof parsed === "string") return { ok: false, message: parsed };
    const pair = [parsed.roleA, parsed.roleB].sort((a, b) => a - b).join(" ");
    const earlier = seen.get(pair);
    if (earlier !== undefined) {
      return { ok: false, message: `row ${row} pairs the same roles as row ${earlier}` };
    }
    seen.set(pair, row);
    rules.push(parsed);
    if (rules.length > MAX_SOD_RULES) return { ok: false, message: `more than ${MAX_SOD_RULES} rules` };
  }
  return { ok: true, rules };
}

/** The rules as the gateway's `rules` parameter: JSON rows of [role A, role B, name?]. */
export function sodRulesParam(rules: readonly SodRule[]): string {
  return JSON.stringify(
    rules.map((rule) =>
      rule.name === null ? [rule.roleA, rule.roleB] : [rule.roleA, rule.roleB, rule.name],
    ),
  );
}

/** Reads the `rules` parameter back: the same checks as the range (its rows numbered from 1). */
export function parseSodRulesParam(text: string): SodRulesResult {
  let rows: unknown;
  try {
    rows = JSON.parse(text);
  } catch {
    return { ok: false, message: "is not a JSON list of [role A, role B, name] rows" };
  }
  if (!Array.isArray(rows) || !rows.every((row) => Array.isArray(row))) {
    return { ok: false, message: "is not a JSON list of [role A, role B, name] rows" };
  }
  return parseSodRules(rows as unknown[][]);
}
