/**
 * What changed since the last sign-off of the same scope: role holders added and gone, findings new and
 * resolved, and every Remove decision whose role (or conflict) is still there today. Compares the
 * tables the last review served with the ones being served now; nothing is read from Exact.
 */
import type { CellValue, Column } from "../../shared/api/tables";
import type { Evidence } from "./evidence";

interface Table {
  columns: Column[];
  rows: CellValue[][];
}

/** The tables of an access-review answer this comparison reads (others are ignored). */
export type ServedTables = Partial<Record<"holders" | "findings" | "conflicts", Table>>;

export const SINCE_LAST_SIGN_OFF_COLUMNS: Column[] = [
  { name: "Change", type: "string" },
  { name: "User ID", type: "guid" },
  { name: "Full name", type: "string" },
  { name: "Detail", type: "string" },
  { name: "Decided by", type: "string" },
  { name: "Decided at", type: "date" },
  { name: "Comment", type: "string" },
];

type Row = CellValue[];

/** One table's rows as records by column name. */
function records(table: Table | undefined): Record<string, CellValue>[] {
  if (!table) return [];
  return table.rows.map((row) => Object.fromEntries(table.columns.map((column, i) => [column.name, row[i]])));
}

const text = (value: CellValue | undefined): string =>
  value === null || value === undefined ? "" : String(value);

function numbers(value: CellValue | undefined): number[] {
  return text(value)
    .split(",")
    .map((part) => Number(part.trim()))
    .filter((part) => part !== 0 && Number.isFinite(part));
}

/** (user, role) pairs of a holders table, with the row they come from. */
function holderPairs(table: Table | undefined): Map<string, Record<string, CellValue>> {
  const pairs = new Map<string, Record<string, CellValue>>();
  for (const row of records(table)) {
    for (const role of numbers(row.Roles)) pairs.set(`${text(row["User ID"])}|${role}`, row);
  }
  return pairs;
}

/** A conflict row's identity: every cell but the date it began. */
const conflictKey = (row: Record<string, CellValue>): string =>
  Object.entries(row)
    .filter(([name]) => name !== "Since")
    .map(([, value]) => text(value))
    .join("|");

function change(kind: string, row: Record<string, CellValue>, detail: string): Row {
  return [kind, text(row["User ID"]), text(row["Full name"]) || null, detail, null, null, null];
}

/** Roles of a decided row still held today, as the current tables show them (empty when carried out). */
function stillActive(
  table: "holders" | "findings" | "conflicts",
  decided: Record<string, CellValue>,
  now: ServedTables,
): string | null {
  const userId = text(decided["User ID"]);
  if (table === "conflicts") {
    const key = conflictKey(decided);
    return records(now.conflicts).some((row) => conflictKey(row) === key) ? "conflict still present" : null;
  }
  const removed = new Set(numbers(decided.Roles));
  const held = new Set<number>();
  for (const row of [...records(now.holders), ...records(now.findings)]) {
    if (text(row["User ID"]) !== userId) continue;
    for (const role of numbers(row.Roles)) if (removed.has(role)) held.add(role);
  }
  if (held.size === 0) return null;
  return `still holds role ${[...held].sort((a, b) => a - b).join(", ")}`;
}

export function sinceLastSignOff(last: Evidence, now: ServedTables): { columns: Column[]; rows: Row[] } {
  const before = (last.snapshot.answer ?? {}) as ServedTables;
  const rows: Row[] = [];
  const beforeHolders = holderPairs(before.holders);
  const nowHolders = holderPairs(now.holders);
  for (const [key, row] of nowHolders) {
    if (!beforeHolders.has(key)) rows.push(change("Holder added", row, `role ${key.split("|")[1]}`));
  }
  for (const [key, row] of beforeHolders) {
    if (!nowHolders.has(key)) rows.push(change("Holder gone", row, `role ${key.split("|")[1]}`));
  }
  const findingKey = (row: Record<string, CellValue>) => `${text(row.Finding)}|${text(row["User ID"])}`;
  const beforeFindings = new Map(records(before.findings).map((row) => [findingKey(row), row]));
  const nowFindings = new Map(records(now.findings).map((row) => [findingKey(row), row]));
  for (const [key, row] of nowFindings) {
    if (!beforeFindings.has(key)) rows.push(change("Finding new", row, text(row.Finding)));
  }
  for (const [key, row] of beforeFindings) {
    if (!nowFindings.has(key)) rows.push(change("Finding resolved", row, text(row.Finding)));
  }
  for (const decision of last.decisions) {
    if (decision.decision !== "Remove") continue;
    const decided = records(before[decision.table])[decision.row - 1];
    if (!decided) continue;
    const active = stillActive(decision.table, decided, now);
    if (!active) continue;
    rows.push([
      "Decision not carried out",
      text(decided["User ID"]),
      text(decided["Full name"]) || null,
      `Remove (${decision.table} row ${decision.row}): ${active}`,
      last.reviewer.fullName,
      last.signedAt,
      decision.comment,
    ]);
  }
  return { columns: SINCE_LAST_SIGN_OFF_COLUMNS, rows };
}
