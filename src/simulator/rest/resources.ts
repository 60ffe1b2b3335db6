/**
 * The simulated REST resources: which rows each endpoint returns for a caller (scoping per reference
 * §5.2–§5.4 and §5.6), its schema and page size. Rows are sorted by key, the order `$skiptoken` follows.
 */
import { indexOf } from "../data/lookup";
import type { SimDataset, SimUser } from "../data/types";
import type { EntitySchema, Row } from "../odata/schema";
import { BUSINESS_RESOURCES } from "./businessResources";
import { hrmDivisionRow, meRow, roleRow, systemDivisionRow, systemUserRow, usersUserRow } from "./rows";
import * as schemas from "./schemas";

export interface ResourceContext {
  dataset: SimDataset;
  user: SimUser;
  /** Divisions granted to the app on the consent page. */
  granted: ReadonlySet<number>;
  /** The division in the URL (null for current/Me and system/Users). */
  division: number | null;
  now: number;
}

export interface Resource {
  endpoint: string;
  /** "division": /api/v1/{division}/…; "none": no division (system/Users answers 501 with one). */
  scope: "division" | "none";
  entity: EntitySchema;
  navigations: readonly string[];
  /** 60 normally, 1000 for bulk/ and sync/ endpoints (reference §4). */
  pageSize: number;
  /** False for system/Divisions, whose URL division Exact does not check (picqer#470). */
  divisionValidated: boolean;
  /** Whether the rows depend on the URL division (cache key). */
  dependsOnDivision: boolean;
  /** Refuses a query without `$select` (or `$top=1`), as some Exact endpoints do (reference §4). */
  selectRequired?: boolean;
  rows(context: ResourceContext): Row[];
}

function byKey(rows: Row[], key: string): Row[] {
  return rows.sort((a, b) => {
    const x = a[key] as string | number;
    const y = b[key] as string | number;
    return x < y ? -1 : x > y ? 1 : 0;
  });
}

function licenseOf(context: ResourceContext): string | null {
  return context.division === null
    ? null
    : (indexOf(context.dataset).division.get(context.division)?.license ?? null);
}

function divisionResource(
  endpoint: string,
  entity: EntitySchema,
  select: (context: ResourceContext) => Row[],
  extra: Partial<Resource> = {},
): Resource {
  return {
    endpoint,
    scope: "division",
    entity,
    navigations: [],
    pageSize: endpoint.startsWith("bulk/") || endpoint.startsWith("sync/") ? 1000 : 60,
    divisionValidated: true,
    dependsOnDivision: true,
    rows: (context) => byKey(select(context), entity.key),
    ...extra,
  };
}

export const RESOURCES: Resource[] = [
  {
    endpoint: "current/Me",
    scope: "none",
    entity: schemas.ME,
    navigations: [],
    pageSize: 60,
    divisionValidated: false,
    dependsOnDivision: false,
    rows: (context) => [meRow(context.dataset, context.user, context.now)],
  },
  {
    endpoint: "system/Users",
    scope: "none",
    entity: schemas.SYSTEM_USER,
    navigations: [],
    pageSize: 60,
    divisionValidated: false,
    dependsOnDivision: false,
    rows: (context) =>
      byKey(
        context.dataset.users
          .filter((user) => user.license === context.user.license)
          .map((user) => systemUserRow(context.dataset, user)),
        "UserID",
      ),
  },
  // Divisions the signed-in user can open, limited to those granted to the app.
  divisionResource(
    "system/Divisions",
    schemas.SYSTEM_DIVISION,
    ({ dataset, user, granted }) =>
      user.divisions
        .filter((code) => granted.has(code))
        .map((code) => systemDivisionRow(dataset, indexOf(dataset).division.get(code)!, user)),
    { divisionValidated: false, dependsOnDivision: false },
  ),
  // All divisions of the license owning the URL division (also those the user cannot open), granted only.
  divisionResource("system/AllDivisions", schemas.SYSTEM_DIVISION, (context) => {
    const license = licenseOf(context);
    return context.dataset.divisions
      .filter((division) => division.license === license && context.granted.has(division.code))
      .map((division) => systemDivisionRow(context.dataset, division, context.user));
  }),
  // Divisions the user can open, limited to the license owning the URL division.
  divisionResource("hrm/Divisions", schemas.HRM_DIVISION, (context) => {
    const license = licenseOf(context);
    const index = indexOf(context.dataset).division;
    return context.user.divisions
      .map((code) => index.get(code)!)
      .filter((division) => division.license === license && context.granted.has(division.code))
      .map((division) => hrmDivisionRow(context.dataset, division));
  }),
  // Users who can open the URL division.
  divisionResource(
    "users/Users",
    schemas.USERS_USER,
    ({ dataset, division }) =>
      dataset.users
        .filter((user) => user.divisions.includes(division!))
        .map((user) => usersUserRow(dataset, user)),
    { navigations: schemas.USERS_USER_NAVIGATIONS },
  ),
  // Role rows of the license owning the URL division (no Division field). Descriptions in the caller's language.
  divisionResource("users/UserRoles", schemas.USER_ROLE, (context) => {
    const license = licenseOf(context);
    const index = indexOf(context.dataset).division;
    return context.dataset.roles
      .filter((role) => index.get(role.division)?.license === license)
      .map((role) => roleRow(context.dataset, role, context.user.language, false));
  }),
  // Role rows for the URL division, with the Division field.
  divisionResource("users/UserRolesPerDivision", schemas.USER_ROLE_PER_DIVISION, (context) =>
    (indexOf(context.dataset).rolesByDivision.get(context.division!) ?? []).map((role) =>
      roleRow(context.dataset, role, context.user.language, true),
    ),
  ),
  ...BUSINESS_RESOURCES,
];

export const RESOURCE_BY_ENDPOINT = new Map(RESOURCES.map((resource) => [resource.endpoint, resource]));
