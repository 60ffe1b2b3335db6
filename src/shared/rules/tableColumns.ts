/**
 * The columns of each table the gateway returns, in order. Workbooks refer to these headers, the gateway
 * builds its tables from them and the add-in finds a column by its name here instead of guessing.
 */
import type { Column } from "../api";

type Columns<K extends string> = Readonly<Record<K, Readonly<Column>>>;

/** GET /api/v1/divisions */
export const DIVISION_COLUMNS = {
  division: { name: "Division", type: "number" },
  name: { name: "Name", type: "string" },
  hid: { name: "HID", type: "number" },
  country: { name: "Country", type: "string" },
  currency: { name: "Currency", type: "string" },
  status: { name: "Status", type: "string" },
  mainDivision: { name: "Main division", type: "boolean" },
  customerName: { name: "Customer name", type: "string" },
  blockingStatus: { name: "Blocking status", type: "string" },
  startDate: { name: "Start date", type: "date" },
} as const satisfies Columns<string>;

/** GET /api/v1/me (the add-in's =EOL.ME() adds ME_COUNTRY_COLUMN from the session) */
export const ME_COLUMNS = {
  userId: { name: "User ID", type: "guid" },
  fullName: { name: "Full name", type: "string" },
  userName: { name: "User name", type: "string" },
  email: { name: "Email", type: "string" },
  currentDivision: { name: "Current division", type: "number" },
  language: { name: "Language", type: "string" },
} as const satisfies Columns<string>;

export const ME_COUNTRY_COLUMN = { name: "Country", type: "string" } as const satisfies Column;

/** GET /api/v1/users */
export const USER_COLUMNS = {
  division: { name: "Division", type: "number" },
  userId: { name: "User ID", type: "guid" },
  fullName: { name: "Full name", type: "string" },
  userName: { name: "User name", type: "string" },
  email: { name: "Email", type: "string" },
  startDate: { name: "Start date", type: "date" },
  endDate: { name: "End date", type: "date" },
  lastLogin: { name: "Last login", type: "date" },
  twoStepRequired: { name: "Two-step required", type: "boolean" },
  twoStepRegistered: { name: "Two-step registered", type: "boolean" },
  login: { name: "Login", type: "string" },
} as const satisfies Columns<string>;

/** GET /api/v1/user-roles */
export const USER_ROLE_COLUMNS = {
  division: { name: "Division", type: "number" },
  userId: { name: "User ID", type: "guid" },
  fullName: { name: "Full name", type: "string" },
  userName: { name: "User name", type: "string" },
  role: { name: "Role", type: "number" },
  roleDescription: { name: "Role description", type: "string" },
  roleLevel: { name: "Role level", type: "string" },
  startDate: { name: "Start date", type: "date" },
  endDate: { name: "End date", type: "date" },
  activeToday: { name: "Active today", type: "boolean" },
} as const satisfies Columns<string>;

/** GET /api/v1/role-holders */
export const ROLE_HOLDER_COLUMNS = {
  userId: { name: "User ID", type: "guid" },
  fullName: { name: "Full name", type: "string" },
  userName: { name: "User name", type: "string" },
  email: { name: "Email", type: "string" },
  roles: { name: "Roles", type: "string" },
  divisions: { name: "Divisions", type: "string" },
} as const satisfies Columns<string>;

/** GET /api/v1/roles: the role catalogue as seen in the data */
export const ROLE_CATALOGUE_COLUMNS = {
  role: { name: "Role", type: "number" },
  roleDescription: { name: "Role description", type: "string" },
  roleLevel: { name: "Role level", type: "string" },
  activeHolders: { name: "Active holders", type: "number" },
  divisionsHeld: { name: "Divisions held", type: "number" },
} as const satisfies Columns<string>;

/** GET /api/v1/role-changes */
export const ROLE_CHANGE_COLUMNS = {
  change: { name: "Change", type: "string" },
  date: { name: "Date", type: "date" },
  division: { name: "Division", type: "number" },
  userId: { name: "User ID", type: "guid" },
  fullName: { name: "Full name", type: "string" },
  userName: { name: "User name", type: "string" },
  role: { name: "Role", type: "number" },
  roleDescription: { name: "Role description", type: "string" },
  changedBy: { name: "Changed by", type: "string" },
  startDate: { name: "Start date", type: "date" },
  endDate: { name: "End date", type: "date" },
} as const satisfies Columns<string>;

/** GET /api/v1/access-issues */
export const ACCESS_FINDING_COLUMNS = {
  finding: { name: "Finding", type: "string" },
  userId: { name: "User ID", type: "guid" },
  fullName: { name: "Full name", type: "string" },
  userName: { name: "User name", type: "string" },
  lastLogin: { name: "Last login", type: "date" },
  loginEndDate: { name: "Login end date", type: "date" },
  roles: { name: "Roles", type: "string" },
  divisions: { name: "Divisions", type: "string" },
} as const satisfies Columns<string>;

/** GET /api/v1/sod-conflicts: users holding both roles of a separation rule in a division */
export const SOD_CONFLICT_COLUMNS = {
  rule: { name: "Rule", type: "string" },
  userId: { name: "User ID", type: "guid" },
  fullName: { name: "Full name", type: "string" },
  userName: { name: "User name", type: "string" },
  division: { name: "Division", type: "number" },
  roleA: { name: "Role A", type: "number" },
  roleADescription: { name: "Role A description", type: "string" },
  roleB: { name: "Role B", type: "number" },
  roleBDescription: { name: "Role B description", type: "string" },
  since: { name: "Since", type: "date" },
} as const satisfies Columns<string>;

/** Where a named column sits in a table's answer, or -1. */
export function columnIndex(columns: readonly Column[], column: Readonly<Column>): number {
  return columns.findIndex((candidate) => candidate.name === column.name);
}
