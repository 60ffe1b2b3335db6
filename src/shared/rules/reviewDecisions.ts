/** What a reviewer may decide on which rows of an access review (gateway and add-in alike). */

/** The tables of a review a decision may name. */
export const DECIDABLE_TABLES = ["holders", "findings", "conflicts"] as const;
export type DecidableTable = (typeof DECIDABLE_TABLES)[number];

/** The Decision column's list, as the sheet offers it and the gateway accepts it. */
export const DECISIONS = ["Keep", "Remove", "Investigate"] as const;
export type DecisionValue = (typeof DECISIONS)[number];

/** Longest comment a decision may carry (characters). */
export const MAX_COMMENT_LENGTH = 1_000;
/** Most decisions one sign-off may carry (a 1,500-division review has a few thousand rows). */
export const MAX_DECISIONS = 20_000;
