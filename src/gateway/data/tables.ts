/**
 * Table shapes: the user-facing column headers (stable: workbooks refer to them) and how each cell is
 * taken from an Exact record. Dates are already ISO strings (the client converts `/Date(ms)/`).
 */
import type { CellValue, Column, ColumnType } from "../../shared/api";
import { ME_SELECT } from "../exact/me";
import type { ExactRecord } from "../exact/odata";

export { ME_SELECT };

export interface ColumnSpec<Row> {
  name: string;
  type: ColumnType;
  cell: (row: Row) => unknown;
}

export function cellValue(value: unknown, type: ColumnType): CellValue {
  if (value === null || value === undefined) return null;
  switch (type) {
    case "number":
      return typeof value === "number" ? value : Number.isFinite(Number(value)) ? Number(value) : null;
    case "boolean":
      return typeof value === "boolean" ? value : value === "true" || value === 1;
    default:
      return typeof value === "object" ? JSON.stringify(value) : (value as CellValue);
  }
}

export function shapeRows<Row>(
  specs: ColumnSpec<Row>[],
  rows: Row[],
): { columns: Column[]; rows: CellValue[][] } {
  return {
    columns: specs.map(({ name, type }) => ({ name, type })),
    rows: rows.map((row) => specs.map((spec) => cellValue(spec.cell(row), spec.type))),
  };
}

const field =
  (name: string) =>
  (row: ExactRecord): unknown =>
    row[name];

export const DIVISION_STATUS: Record<number, string> = { 0: "Inactive", 1: "Active", 2: "Archived" };
export const BLOCKING_STATUS: Record<number, string> = {
  0: "Not blocked",
  1: "Backup/restore",
  2: "Conversion busy",
  3: "Conversion shadow",
  4: "Conversion waiting",
  5: "Copy data waiting",
  6: "Copy data busy",
  100: "Wait for deletion",
  101: "Deleted",
  102: "Deletion failed",
};
export const ROLE_LEVEL: Record<number, string> = {
  1: "Database",
  2: "Customer",
  3: "Division",
  100: "Transferred to accountant",
};

export function label(names: Record<number, string>, value: unknown): string | null {
  if (typeof value !== "number") return null;
  return names[value] ?? `Unknown (${value})`;
}

export const DIVISION_SELECT = [
  "Code",
  "Description",
  "Hid",
  "Country",
  "Currency",
  "Status",
  "IsMainDivision",
  "CustomerName",
  "BlockingStatus",
  "StartDate",
];

export const DIVISION_COLUMNS: ColumnSpec<ExactRecord>[] = [
  { name: "Division", type: "number", cell: field("Code") },
  { name: "Name", type: "string", cell: field("Description") },
  { name: "HID", type: "number", cell: field("Hid") },
  { name: "Country", type: "string", cell: field("Country") },
  { name: "Currency", type: "string", cell: field("Currency") },
  { name: "Status", type: "string", cell: (row) => label(DIVISION_STATUS, row.Status) },
  { name: "Main division", type: "boolean", cell: field("IsMainDivision") },
  { name: "Customer name", type: "string", cell: field("CustomerName") },
  { name: "Blocking status", type: "string", cell: (row) => label(BLOCKING_STATUS, row.BlockingStatus) },
  { name: "Start date", type: "date", cell: field("StartDate") },
];


export const ME_COLUMNS: ColumnSpec<ExactRecord>[] = [
  { name: "User ID", type: "guid", cell: field("UserID") },
  { name: "Full name", type: "string", cell: field("FullName") },
  { name: "User name", type: "string", cell: field("UserName") },
  { name: "Email", type: "string", cell: field("Email") },
  { name: "Current division", type: "number", cell: field("CurrentDivision") },
  { name: "Language", type: "string", cell: field("LanguageCode") },
];

export const USER_SELECT = ["UserID", "FullName", "UserName", "Email", "StartDate", "EndDate", "LastLogin"];

export type DivisionRecord = ExactRecord & { __division: number };

export const USER_COLUMNS: ColumnSpec<DivisionRecord>[] = [
  { name: "Division", type: "number", cell: (row) => row.__division },
  { name: "User ID", type: "guid", cell: field("UserID") },
  { name: "Full name", type: "string", cell: field("FullName") },
  { name: "User name", type: "string", cell: field("UserName") },
  { name: "Email", type: "string", cell: field("Email") },
  { name: "Start date", type: "date", cell: field("StartDate") },
  { name: "End date", type: "date", cell: field("EndDate") },
  { name: "Last login", type: "date", cell: field("LastLogin") },
];

export const USER_ROLE_SELECT = ["UserID", "Role", "Description", "RoleLevel", "StartDate", "EndDate"];

export interface UserRoleRow {
  division: number;
  role: ExactRecord;
  user: ExactRecord | undefined;
  activeToday: boolean;
}

export const USER_ROLE_COLUMNS: ColumnSpec<UserRoleRow>[] = [
  { name: "Division", type: "number", cell: (row) => row.division },
  { name: "User ID", type: "guid", cell: (row) => row.role.UserID },
  { name: "Full name", type: "string", cell: (row) => row.user?.FullName },
  { name: "User name", type: "string", cell: (row) => row.user?.UserName },
  { name: "Role", type: "number", cell: (row) => row.role.Role },
  { name: "Role description", type: "string", cell: (row) => row.role.Description },
  { name: "Role level", type: "string", cell: (row) => label(ROLE_LEVEL, row.role.RoleLevel) },
  { name: "Start date", type: "date", cell: (row) => row.role.StartDate },
  { name: "End date", type: "date", cell: (row) => row.role.EndDate },
  { name: "Active today", type: "boolean", cell: (row) => row.activeToday },
];

export interface RoleHolderRow {
  userId: string;
  user: ExactRecord | undefined;
  roles: number[];
  divisions: number[];
}

export const ROLE_HOLDER_COLUMNS: ColumnSpec<RoleHolderRow>[] = [
  { name: "User ID", type: "guid", cell: (row) => row.userId },
  { name: "Full name", type: "string", cell: (row) => row.user?.FullName },
  { name: "User name", type: "string", cell: (row) => row.user?.UserName },
  { name: "Email", type: "string", cell: (row) => row.user?.Email },
  { name: "Roles", type: "string", cell: (row) => row.roles.join(", ") },
  { name: "Divisions", type: "string", cell: (row) => row.divisions.join(", ") },
];

/** The generic query route's columns: the selected fields, typed from the values seen. */
export function inferColumns(fields: string[], records: ExactRecord[]): ColumnSpec<ExactRecord>[] {
  return fields.map((name) => ({
    name,
    type: inferType(records.map((record) => record[name])),
    cell: field(name),
  }));
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

function inferType(values: unknown[]): ColumnType {
  const present = values.filter((value) => value !== null && value !== undefined);
  if (present.length === 0) return "string";
  if (present.every((value) => typeof value === "number")) return "number";
  if (present.every((value) => typeof value === "boolean")) return "boolean";
  if (present.every((value) => typeof value === "string" && ISO_DATE.test(value))) return "date";
  if (present.every((value) => typeof value === "string" && GUID.test(value))) return "guid";
  return "string";
}

/** Role rows count as held "today" when started (or no start) and not ended (end empty or ≥ today). */
export function activeOn(role: ExactRecord, now: number): boolean {
  const startOfToday = Math.floor(now / 86_400_000) * 86_400_000;
  const start = typeof role.StartDate === "string" ? Date.parse(role.StartDate) : null;
  const end = typeof role.EndDate === "string" ? Date.parse(role.EndDate) : null;
  if (start !== null && start > now) return false;
  return end === null || end >= startOfToday;
}
