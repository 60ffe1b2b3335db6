/**
 * The demo's recent access history, so an access review of it has something to read: grants in the last
 * 90 days (one backdated, one starting next week, a new user administrator), ends in the last 90 days,
 * ends within 30 days, and a role kept by a user whose login ended. Days count from the data's today;
 * users and divisions are indexes into the demo's lists. Role 274's facts stay fixed (two holders today,
 * a third until 2024): its one recent change is a hand-over that starts in two weeks (SUBSCRIPTION_HANDOVER).
 */
import type { SeededRandom } from "../random";
import type { RoleGrant } from "./accessHistory";
import { DAY, ROLE_MANAGE_SUBSCRIPTION } from "./builders";
import type { SimUser } from "./types";

interface ChangeSpec {
  user: number;
  role: number;
  level: 2 | 3;
  division: number;
  /** Start, creation and end in days from today (negative = past); created defaults to the start. */
  start: number;
  created?: number;
  end?: number;
  /** Who granted it, and who set the end date (and how many days from today they did). */
  by: number;
  endSetBy?: number;
  endSet?: number;
}

const JAN = 0;
const SANNE = 1;

const CHANGES: ChangeSpec[] = [
  // Granted recently.
  { user: SANNE, role: 51, level: 2, division: 0, start: -40, created: -41, by: JAN },
  { user: 8, role: 21, level: 3, division: 2, start: -12, by: SANNE },
  { user: 11, role: 11, level: 3, division: 4, start: -5, created: -6, by: SANNE },
  { user: 14, role: 41, level: 3, division: 8, start: -70, by: JAN },
  { user: 5, role: 12, level: 3, division: 9, start: -400, created: -20, by: SANNE },
  { user: 4, role: 31, level: 3, division: 7, start: 7, created: -3, by: SANNE },
  // Ended recently.
  { user: 2, role: 31, level: 3, division: 3, start: -900, end: -30, by: JAN, endSetBy: SANNE, endSet: -31 },
  { user: 12, role: 12, level: 3, division: 1, start: -700, end: -8, by: SANNE, endSetBy: JAN, endSet: -8 },
  // Ending within 30 days.
  { user: 10, role: 41, level: 3, division: 6, start: -500, end: 14, by: JAN, endSetBy: SANNE, endSet: -2 },
  { user: 7, role: 21, level: 3, division: 0, start: -600, end: 25, by: SANNE, endSetBy: JAN, endSet: -10 },
  // Lars Dekker's login ended in 2025; this role of his never did.
  { user: 13, role: 12, level: 3, division: 0, start: -1500, by: JAN },
];

const EVA = 5;

/** Jan entered it yesterday: Eva manages the subscription from two weeks on, so nobody new holds 274 today. */
export const SUBSCRIPTION_HANDOVER: ChangeSpec[] = [
  { user: EVA, role: ROLE_MANAGE_SUBSCRIPTION, level: 2, division: 0, start: 14, created: -1, by: JAN },
];

export function demoChanges(
  users: readonly SimUser[],
  codes: readonly number[],
  today: number,
  rng: SeededRandom,
  specs: readonly ChangeSpec[] = CHANGES,
): RoleGrant[] {
  const day = (offset: number) => today + offset * DAY;
  return specs.map((change) => {
    const created = day(change.created ?? change.start);
    const createdBy = users[change.by].userId;
    const endSet =
      change.endSet !== undefined && change.endSetBy !== undefined
        ? { at: day(change.endSet), by: users[change.endSetBy].userId }
        : null;
    return {
      id: rng.guid(),
      userId: users[change.user].userId,
      role: change.role,
      roleLevel: change.level,
      division: codes[change.division],
      startDate: day(change.start),
      endDate: change.end === undefined ? null : day(change.end),
      created,
      createdBy,
      modified: endSet?.at ?? created,
      modifiedBy: endSet?.by ?? createdBy,
    };
  });
}
