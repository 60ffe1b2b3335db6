/** The access review's limits and defaults, shared by the functions' argument checks and the gateway. */

/** ACCESSISSUES: users with active roles and no login for this many days (default) are a finding. */
export const DEFAULT_INACTIVE_DAYS = 90;
export const MAX_INACTIVE_DAYS = 3650;

/** The review sheet's changes cover this many days when the workbook holds no earlier review. */
export const DEFAULT_CHANGES_DAYS = 90;

/** The review sheet lists the holders of these roles unless others are chosen: 274, Manage subscription. */
export const DEFAULT_REVIEW_ROLES: readonly number[] = [274];

/** ROLECHANGES also lists roles ending within this many days. */
export const ENDING_WITHIN_DAYS = 30;
