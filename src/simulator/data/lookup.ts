/** Indexes over a data set (built once per data set). */
import type { SimDataset, SimDivision, SimLicense, SimUser, SimUserRole } from "./types";

export interface DatasetIndex {
  division: Map<number, SimDivision>;
  user: Map<string, SimUser>;
  license: Map<string, SimLicense>;
  /** Role rows per division: a per-division read must not scan every row of a large data set. */
  rolesByDivision: Map<number, SimUserRole[]>;
}

const indexes = new WeakMap<SimDataset, DatasetIndex>();

export function indexOf(dataset: SimDataset): DatasetIndex {
  let index = indexes.get(dataset);
  if (!index) {
    index = {
      division: new Map(dataset.divisions.map((division) => [division.code, division])),
      user: new Map(dataset.users.map((user) => [user.userId, user])),
      license: new Map(dataset.licenses.map((license) => [license.customer, license])),
      rolesByDivision: groupBy(dataset.roles, (role) => role.division),
    };
    indexes.set(dataset, index);
  }
  return index;
}

function groupBy<K, V>(values: readonly V[], keyOf: (value: V) => K): Map<K, V[]> {
  const groups = new Map<K, V[]>();
  for (const value of values) {
    const key = keyOf(value);
    const group = groups.get(key);
    if (group) group.push(value);
    else groups.set(key, [value]);
  }
  return groups;
}
