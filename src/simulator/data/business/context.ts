/** What every business row of one division shares: its generator, the division and the audit fields. */
import type { SeededRandom } from "../../random";
import type { Row } from "../../odata/schema";

export interface BookContext {
  rng: SeededRandom;
  division: number;
  /** Today in the data set (epoch ms); entries fall in the two years before it. */
  today: number;
  /** Users who create records here: the division's users (the first is the default creator). */
  people: ReadonlyArray<{ userId: string; fullName: string }>;
}

export const DAY = 86_400_000;

/** Division and the six audit fields every business entity carries. */
export function stamp(context: BookContext, created: number): Row {
  const person = context.people.length > 0 ? context.rng.pick(context.people) : null;
  return {
    Division: context.division,
    Created: created,
    Creator: person?.userId ?? null,
    CreatorFullName: person?.fullName ?? null,
    Modified: created,
    Modifier: person?.userId ?? null,
    ModifierFullName: person?.fullName ?? null,
  };
}

/** A date in the `days` days before today, at midnight. */
export function pastDate(context: BookContext, days: number): number {
  return context.today - context.rng.int(1, days) * DAY;
}

export function money(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Rows sorted by their key, the order `$skiptoken` pages in. */
export function sortByKey(rows: Row[], key: string): Row[] {
  return rows.sort((a, b) => (String(a[key]) < String(b[key]) ? -1 : 1));
}
