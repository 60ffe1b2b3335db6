/** Indexes over a data set (built once per data set). */
import type { SimDataset, SimDivision, SimLicense, SimUser } from "./types";

export interface DatasetIndex {
  division: Map<number, SimDivision>;
  user: Map<string, SimUser>;
  license: Map<string, SimLicense>;
}

const indexes = new WeakMap<SimDataset, DatasetIndex>();

export function indexOf(dataset: SimDataset): DatasetIndex {
  let index = indexes.get(dataset);
  if (!index) {
    index = {
      division: new Map(dataset.divisions.map((division) => [division.code, division])),
      user: new Map(dataset.users.map((user) => [user.userId, user])),
      license: new Map(dataset.licenses.map((license) => [license.customer, license])),
    };
    indexes.set(dataset, index);
  }
  return index;
}
