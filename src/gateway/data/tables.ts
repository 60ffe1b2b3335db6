/**
 * Table shapes: the user-facing column headers (stable: workbooks refer to them) and how each cell is
 * taken from an Exact record. Dates are already ISO strings (the client converts `/Date(ms)/`).
 */
import type { CellValue, Column, ColumnType } from "../../shared/api";
import {
  DIVISION_COLUMNS as DIVISION_HEADERS,
  ME_COLUMNS as ME_HEADERS,
  ROLE_HOLDER_COLUMNS as ROLE_HOLDER_HEADERS,
  USER_COLUMNS as USER_HEADERS,
  USER_ROLE_COLUMNS as USER_ROLE_HEADERS,
} from "../../shared/rules/tableColumns";
import { ME_SELECT } from "../exact/me";
import type { ExactRecord } from "../exact/odata";

export { ME_SELECT };

export interface ColumnSpec<Row> {
  name: string;
  type: ColumnType;
  cell: (row: Row) => unknown;
}

/** Each shared column (name, type; src/shared/rules/tableColumns.ts) with how its cell is read. */
/** Column specs from the shared headers and a cell reader per column. */
export function withCells<K extends string, Row>(
  columns: Readonly<Record<K, Readonly<Column>>>,
  cells: Record<K, (row: Row) => unknown>,
): ColumnSpec<Row>[] {
  return (Object.keys(columns) as K[]).map((key) => ({ ...columns[key], cell: cells[key] }));
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

type Shaped = { columns: Column[]; rows: CellValue[][] };
const shapedOnce = new WeakMap<readonly object[], WeakMap<object, Shaped>>();

/**
 * shapeRows for rows that stay as they are (a cached fetch's records): shaped once per rows array, so
 * the same cached table asked again costs no shaping. The answer must not be changed by the caller.
 */
export function shapeCachedRows<Row extends object>(specs: ColumnSpec<Row>[], rows: Row[]): Shaped {
  let bySpecs = shapedOnce.get(rows);
  if (!bySpecs) {
    bySpecs = new WeakMap();
    shapedOnce.set(rows, bySpecs);
  }
  let shaped = bySpecs.get(specs);
  if (!shaped) {
    shaped = shapeRows(specs, rows);
    bySpecs.set(specs, shaped);
  }
  return shaped;
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

export const DIVISION_COLUMNS = withCells<keyof typeof DIVISION_HEADERS, ExactRecord>(DIVISION_HEADERS, {
  division: field("Code"),
  name: field("Description"),
  hid: field("Hid"),
  country: field("Country"),
  currency: field("Currency"),
  status: (row) => label(DIVISION_STATUS, row.Status),
  mainDivision: field("IsMainDivision"),
  customerName: field("CustomerName"),
  blockingStatus: (row) => label(BLOCKING_STATUS, row.BlockingStatus),
  startDate: field("StartDate"),
});

export const ME_COLUMNS = withCells<keyof typeof ME_HEADERS, ExactRecord>(ME_HEADERS, {
  userId: field("UserID"),
  fullName: field("FullName"),
  userName: field("UserName"),
  email: field("Email"),
  currentDivision: field("CurrentDivision"),
  language: field("LanguageCode"),
});

// Customer: the licence a user belongs to (reviews are chained per licence, reviews/licence.ts).
export const USER_SELECT = [
  "UserID",
  "FullName",
  "UserName",
  "Email",
  "StartDate",
  "EndDate",
  "LastLogin",
  "Customer",
  "HasTwoStepVerification",
  "HasRegisteredForTwoStepVerification",
];

export type DivisionRecord = ExactRecord & { __division: number };

export const USER_COLUMNS = withCells<keyof typeof USER_HEADERS, DivisionRecord>(USER_HEADERS, {
  division: (row) => row.__division,
  userId: field("UserID"),
  fullName: field("FullName"),
  userName: field("UserName"),
  email: field("Email"),
  startDate: field("StartDate"),
  endDate: field("EndDate"),
  lastLogin: field("LastLogin"),
  twoStepRequired: field("HasTwoStepVerification"),
  twoStepRegistered: field("HasRegisteredForTwoStepVerification"),
  // Set by LoginTypes (userLogin.ts) from the system/Users listing.
  login: (row) => row.__login ?? "unknown",
});

/** Who entered and last changed a row too: the access review reads the same cached rows as USERROLES. */
export const USER_ROLE_SELECT = [
  "UserID",
  "Role",
  "Description",
  "RoleLevel",
  "StartDate",
  "EndDate",
  "Created",
  "CreatorFullName",
  "Modified",
  "ModifierFullName",
];

export interface UserRoleRow {
  division: number;
  role: ExactRecord;
  user: ExactRecord | undefined;
  activeToday: boolean;
}

export const USER_ROLE_COLUMNS = withCells<keyof typeof USER_ROLE_HEADERS, UserRoleRow>(USER_ROLE_HEADERS, {
  division: (row) => row.division,
  userId: (row) => row.role.UserID,
  fullName: (row) => row.user?.FullName,
  userName: (row) => row.user?.UserName,
  role: (row) => row.role.Role,
  roleDescription: (row) => row.role.Description,
  roleLevel: (row) => label(ROLE_LEVEL, row.role.RoleLevel),
  startDate: (row) => row.role.StartDate,
  endDate: (row) => row.role.EndDate,
  activeToday: (row) => row.activeToday,
});

export interface RoleHolderRow {
  userId: string;
  user: ExactRecord | undefined;
  roles: number[];
  divisions: number[];
}

export const ROLE_HOLDER_COLUMNS = withCells<keyof typeof ROLE_HOLDER_HEADERS, RoleHolderRow>(
  ROLE_HOLDER_HEADERS,
  {
    userId: (row) => row.userId,
    fullName: (row) => row.user?.FullName,
    userName: (row) => row.user?.UserName,
    email: (row) => row.user?.Email,
    roles: (row) => row.roles.join(", "),
    divisions: (row) => row.divisions.join(", "),
  },
);

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
