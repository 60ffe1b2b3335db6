/** Data set generation, cached per (name, seed) because the large set is shared by many tests. */
import { startOfUtcDay } from "./builders";
import { generateDemo } from "./demo";
import { generateLarge } from "./large";
import type { DatasetName, SimDataset, SimUserRole } from "./types";

export * from "./types";
export { ROLE_CATALOGUE, ROLE_MANAGE_SUBSCRIPTION, roleDescription } from "./builders";

export const DATASET_NAMES: readonly DatasetName[] = ["demo", "accountant-large"];
export const DEFAULT_SEED = 1;

const cache = new Map<string, SimDataset>();

/**
 * The data set for `seed` as of the day `now` falls on (its `referenceTime`): recent grants, ends and
 * logins are placed relative to that day, everything else is the same on every day.
 */
export function generateDataset(
  name: DatasetName,
  seed: number = DEFAULT_SEED,
  now: number = Date.now(),
): SimDataset {
  const today = startOfUtcDay(now);
  const key = `${name}:${seed}:${today}`;
  let dataset = cache.get(key);
  if (!dataset) {
    if (name === "demo") dataset = generateDemo(seed, today);
    else if (name === "accountant-large") dataset = generateLarge(seed, today);
    else throw new Error(`Unknown data set "${String(name)}"; use one of ${DATASET_NAMES.join(", ")}`);
    cache.set(key, dataset);
  }
  return dataset;
}

/** Whether a role row is in force at `time` (started, and not ended). */
export function isRoleActive(role: SimUserRole, time: number): boolean {
  return (role.startDate === null || role.startDate <= time) && (role.endDate === null || role.endDate > time);
}

/** User IDs holding `role` at `time` — what a correct report of e.g. role 274 should list. */
export function activeRoleHolders(dataset: SimDataset, role: number, time: number): string[] {
  const holders = new Set<string>();
  for (const row of dataset.roles) if (row.role === role && isRoleActive(row, time)) holders.add(row.userId);
  return [...holders];
}

/** Divisions the consent page checks by default for a user: all they can open except the edge-case one. */
export function defaultGrant(dataset: SimDataset, userId: string): number[] {
  const user = dataset.users.find((candidate) => candidate.userId === userId);
  if (!user) throw new Error(`No user ${userId} in data set ${dataset.name}`);
  return user.divisions.filter((code) => code !== dataset.notGrantedDivision);
}
