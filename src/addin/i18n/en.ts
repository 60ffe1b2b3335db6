/**
 * English texts of the add-in (task pane, ribbon messages, progress, inserted sheets, dialog pages).
 * nl.ts must have exactly the same keys (the type enforces it).
 */

/** What Refresh all counted (the workbook adapter's RefreshOutcome has this shape). */
export interface RefreshCounts {
  cells: number;
  refreshed: number;
  inError: number;
  calculating: number;
  /** EOL formulas left as they were, by reason. */
  skipped?: { protectedSheet: number; readOnly: number; notChangeable: number };
  /** Rows whose formulas could not be read. */
  unreadRows?: number;
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** ", 3 skipped (2 on protected sheets, 1 …)": only what happened, nothing when nothing was skipped. */
const skippedCounts = ({ skipped, unreadRows = 0 }: RefreshCounts) => {
  const { protectedSheet = 0, readOnly = 0, notChangeable = 0 } = skipped ?? {};
  const reasons = [
    protectedSheet ? plural(protectedSheet, "on a protected sheet", "on protected sheets") : "",
    readOnly ? `${readOnly} because the workbook is open read-only` : "",
    notChangeable
      ? plural(notChangeable, "in an array formula or a locked cell", "in array formulas or locked cells")
      : "",
  ].filter(Boolean);
  const total = protectedSheet + readOnly + notChangeable;
  return (
    (total > 0 ? `, ${total} skipped (${reasons.join(", ")})` : "") +
    (unreadRows > 0 ? `; ${plural(unreadRows, "row", "rows")} could not be read` : "")
  );
};

const refreshCounts = (outcome: RefreshCounts) =>
  `${outcome.refreshed} of ${outcome.cells} EOL formulas refreshed, ${outcome.inError} in error` +
  (outcome.calculating > 0 ? `, ${outcome.calculating} still calculating` : "") +
  skippedCounts(outcome);

export const en = {
  languageName: "English",
  appTitle: "EOL for Excel",
  language: "Language",
  loading: "Loading…",
  loadConfigFailed: "Could not load the sign-in settings from the EOL gateway.",
  retry: "Try again",
  outsideOffice:
    "You are viewing the task pane in a browser. Sign-in works here too; custom functions such as =EOL.DIVISIONS() only run inside Excel.",

  // Connection
  connectionHeading: "Connect to Exact Online",
  country: "Country",
  countryNames: {
    nl: "Netherlands",
    be: "Belgium",
    de: "Germany",
    fr: "France",
    uk: "United Kingdom",
    es: "Spain",
    us: "United States",
    demo: "Demo (built-in sample data)",
  },
  clientId: "Client ID",
  clientIdHint: "The GUID from your app in Exact's App Center, e.g. 3f1c0b4e-1d2a-4c5b-9e8f-0a1b2c3d4e5f.",
  clientIdInvalid: "Enter a GUID such as 3f1c0b4e-1d2a-4c5b-9e8f-0a1b2c3d4e5f (braces are fine).",
  clientIdRequired: "Enter the client ID of your Exact app.",
  clientSecret: "Client secret",
  clientSecretHint: "Sent once to the EOL gateway when you sign in; never stored in this browser.",
  clientSecretRequired: "Enter the client secret of your Exact app.",
  redirectUri: "Redirect URI",
  redirectUriHint: "Register exactly this address as the redirect URI of your app in Exact's App Center.",
  redirectUriInvalid: "Enter a full https:// address (http:// only for localhost).",
  copy: "Copy",
  copyRedirectUri: "Copy redirect URI",
  copied: "Copied",
  copyFailed: "Copy failed; select the text and copy it yourself.",
  advanced: "Advanced",
  advancedHint:
    "Change the redirect URI only when the gateway runs behind a reverse proxy with another address.",
  useDefaultRedirectUri: "Use the gateway's address",
  demoTitle: "Demo: sample data, no Exact account",
  demoNoAppNeeded:
    "Signs in to the gateway's built-in Exact Online simulator: sample divisions, users and roles, no Exact app, client ID or secret needed. For your own Exact Online, choose your country.",
  managedByOrganisation: "Managed by your organisation",
  managedDetail: "Your administrator has set up the Exact Online app on the gateway. Just sign in.",
  signIn: "Sign in",
  signingIn: "Signing in… finish the sign-in in the window that opened.",
  cancel: "Cancel",

  // Signed in
  signedInHeading: "Signed in",
  user: "User",
  currentDivision: "Current division",
  divisionCount: "Divisions",
  none: "none",
  budgetHeading: "API budget per division",
  budgetEmpty: "No Exact calls yet in this session: budgets appear after the first refresh.",
  budgetMinute: "This minute",
  budgetDay: "Today",
  budgetOf: (remaining: string, limit: string) => `${remaining} of ${limit} left`,
  budgetUnknown: "unknown",
  division: "Division",
  dataAsOf: "Data as of",
  noDataYet: "no data fetched yet",
  implicitDivision: (code: number) =>
    `The last answer covered only your current division in Exact (${code}), because no division was given.`,
  refreshAll: "Refresh all",
  clearCache: "Clear cache",
  signOut: "Sign out",
  needsExcel: "Needs Excel: open this task pane from the Exact Online tab in Excel.",
  signOutHint:
    "Signs you out in every workbook that uses EOL for Excel here, not only this one: the sign-in belongs to the add-in's site. In Excel on the web each site Excel opens files from (OneDrive, SharePoint) keeps its own sign-in: sign out there too.",
  cacheCleared: "Cache cleared. The next refresh fetches fresh data from Exact.",
  refreshed: "All EOL formulas were recalculated.",
  refreshedCounts: (outcome: RefreshCounts) => `${refreshCounts(outcome)}.`,
  working: "Working…",
  statusFailed: "Could not load the status.",

  // Insert sheets
  insertHeading: "Insert report sheets",
  insertDivisions: "Divisions",
  insertDivisionsHint: "A new sheet listing every division you can access.",
  insertRoleAudit: "Role audit",
  insertRoleAuditHint: "A new sheet with users and their roles.",
  insertAccessReview: "Access review",
  insertAccessReviewHint:
    "A new access review sheet for these roles and divisions: holders, findings, changes since this workbook's last review (first time: 90 days) and the role catalogue.",
  roles: "Roles",
  rolesHint: "Role numbers, comma separated. 274 = Manage subscription. Leave empty for all roles.",
  rolesInvalid: "Use whole numbers separated by commas (at most 50), e.g. 274, 10.",
  divisionScope: "Division scope",
  scopeCurrent: "Current division",
  scopeAll: "All divisions",
  scopeChosen: "Chosen divisions",
  chooseDivisions: "Divisions to audit",
  chooseDivisionsRequired: "Choose at least one division.",
  inserted: "Sheet inserted.",

  // Guide
  guideHeading: "Guide",
  guideRegisterTitle: "Register an Exact Online app",
  guideRegisterSteps: [
    "Sign in to Exact Online and open the App Center.",
    "Choose Manage my apps → Register a production app.",
    "Enter an app name and, as redirect URI, the address shown under Redirect URI above.",
    "Save, then copy the client ID and the client secret into the fields above.",
  ],
  guideRightTitle: "Who can register apps?",
  guideRight: 'Registering apps needs an Exact user with the "Manage subscription" right.',
  guideFindTitle: "Find the users with that right",
  guideFindExact: 'In Exact: Master data → Users, and look at the column "Main contact".',
  guideFindHere:
    "Or with one click here: insert =EOL.ROLEHOLDERS(274) into the sheet. It works once anyone with access has signed in.",
  insertRoleHolders: "Insert =EOL.ROLEHOLDERS(274)",
  roleHoldersInserted: "Formula inserted in the selected cell.",
  roleHoldersOutside: "Open the pane in Excel to insert the formula; here you can copy it.",
  guideReviewTitle: "How to run an access review",
  guideReviewSteps: [
    "Sign in, then under Insert report sheets enter the roles to review (274, Manage subscription, by default) and the divisions.",
    "Choose Access review (also on the Exact Online ribbon tab: role 274, all divisions). A new sheet lists the holders, the findings, the changes since this workbook's last review (the first time: the last 90 days) and the role catalogue.",
    "Confirm each holder with its owner, check each grant against an approved request, and end the roles or logins the findings point at.",
    "Keep the workbook: its next access review lists the changes since this one.",
  ],
  guideAuditTitle: "Two-step verification and separation of duties",
  guideAuditPoints: [
    "=EOL.USERS shows per user whether Exact requires two-step verification, whether the user registered for it, and how the user logs in (forms, TOTP, Exact Identity). For Exact Identity users the user name shown is their e-mail address: they log in with it.",
    "=EOL.ACCESSISSUES and the review's findings name everyone holding roles without two-step verification, or with two-step verification required but not registered.",
    'Separation of duties: which roles must not be held together is your policy. Put your rules (role A, role B, a name) in the review sheet\'s "Separation rules" table and run Access review again, or use =EOL.SODCONFLICTS with a range of rules.',
  ],
  guideErrorsTitle: "What the errors mean",

  // Errors: sign-in window
  errors: {
    "12002": "The sign-in page could not be loaded. Check that the EOL gateway is running and try again.",
    "12003":
      "The sign-in page tried to switch to an insecure (http) address. Ask your administrator to use https.",
    "12004": "Office refused the sign-in address because it is not on the add-in's own domain.",
    "12005": "Office refused the sign-in address because it does not use https.",
    "12006": "The sign-in window was closed before sign-in finished. Click Sign in to try again.",
    "12007": "Another sign-in window is still open. Close it and try again.",
    "12009": "The sign-in window was not allowed. Click Sign in again and choose Allow.",
    "12011": "Your browser blocked the sign-in window. Allow pop-ups for this site and try again.",
    popup_blocked: "Your browser blocked the sign-in window. Allow pop-ups for this site and try again.",
    popup_closed: "The sign-in window was closed before sign-in finished. Click Sign in to try again.",
    login_mismatch: "The sign-in window answered for another sign-in. Please sign in again.",
    bad_message: "The sign-in window sent an unexpected answer. Please sign in again.",
    timeout: "Sign-in took too long. Please sign in again.",
    network_error: "Cannot reach the EOL gateway. Check your connection and try again.",
    timed_out: "The EOL gateway did not answer in time. Try again later; fewer divisions answer sooner.",
    // Gateway codes
    invalid_request: "Some sign-in details are missing or invalid. Check the fields and try again.",
    payload_too_large: "The request was too large for the EOL gateway.",
    headers_too_large:
      "The request was too large for the EOL gateway. Try a shorter formula or fewer divisions.",
    unsupported_media_type: "The EOL gateway did not understand the request. Update the add-in.",
    forbidden: "The EOL gateway refused this address.",
    not_found: "The EOL gateway does not know this address. Update the add-in or ask your administrator.",
    too_many_requests: "Too many attempts. Wait a minute and try again.",
    not_signed_in: "You are not signed in. Click Sign in.",
    reauth_required: "Your Exact session ended. Sign in again.",
    session_expired: "Your EOL session has expired. Sign in again.",
    login_expired: "The sign-in took too long and expired. Sign in again.",
    login_not_found: "This sign-in is unknown to the gateway (it may have restarted). Sign in again.",
    login_already_redeemed: "This sign-in was already used. Sign in again.",
    login_pending: "Exact has not confirmed the sign-in yet. Try again.",
    wrong_login_secret: "The sign-in could not be verified. Sign in again.",
    state_mismatch: "The answer from Exact did not match this sign-in. Sign in again.",
    consent_denied: "Access was not granted in Exact. Sign in again and choose to allow access.",
    invalid_client:
      "Exact did not accept the client ID or client secret. Copy both again from the App Center.",
    redirect_uri_mismatch:
      "The redirect URI does not match the one registered in Exact. Register the address shown above exactly.",
    managed_app: "Your organisation manages the Exact app; the connection settings cannot be changed here.",
    no_division_access: "You have no access to that division in Exact.",
    unknown_division: "That division does not exist or is not available to you.",
    daily_limit_reached: "Exact's daily API limit for this division is used up. Try again tomorrow.",
    lookup_limit_reached:
      "EOL looked up many division numbers for you this hour. Ask for divisions you can open, or try again later.",
    error_limit_reached:
      "This request failed at Exact again and again; EOL paused it so Exact does not block the app. Fix it and try again later.",
    exact_blocked:
      "Exact blocked the app for this division and table after too many errors. Try again later.",
    exact_error: "Exact Online reported a problem with the request.",
    exact_unavailable: "Exact Online is not reachable right now. Try again in a few minutes.",
    answer_too_large: "The answer is too large. Narrow it: fewer divisions, fewer fields, a top or a filter.",
    gateway_busy: "The EOL gateway is busy with other large answers. Try again in a few seconds.",
    internal_error:
      "Something went wrong in the EOL gateway. Try again; if it persists, contact your administrator.",
    gateway_stopping: "The EOL gateway is restarting. Try again in a moment.",
    snapshot_not_found:
      "The gateway no longer has this review's snapshot (it keeps them 24 hours): insert a new Access review and sign that off.",
    snapshot_not_yours: "This review was inserted by another Exact user: only they can sign it off.",
    snapshot_expired: "This review is older than 24 hours: insert a new Access review and sign that off.",
    snapshot_signed_off: "This review was signed off already: insert a new Access review for a new sign-off.",
  } as Record<string, string>,
  errorUnknownDialog: (code: string) => `The sign-in window reported error ${code}. Try again.`,

  // Theme & misc
  progressLabel: (label: string, done: number, total: number) => `${label}: ${done} of ${total}`,
  /** A long request's fan-out, counts already formatted: "Role holders: 340 of 1,500 divisions". */
  fanOutProgress: (table: string, done: string, total: string) => `${table}: ${done} of ${total} divisions`,
  /** The gateway's table routes by name, for the progress of their requests. */
  tableNames: {
    "role-holders": "Role holders",
    "user-roles": "User roles",
    users: "Users",
    query: "Query",
    roles: "Role catalogue",
    "role-changes": "Role changes",
    "access-issues": "Access issues",
    "sod-conflicts": "Separation-of-duties conflicts",
    "access-review": "Access review",
  } as Record<string, string>,
  somethingWentWrong: "Something went wrong.",

  // Progress of the actions (ribbon and pane: commands/actions.ts)
  steps: {
    clearingCache: "Clearing cached Exact Online data",
    rerunningFormulas: "Running every EOL formula again",
    fetchingData: "Fetching fresh data",
    readingTable: "Reading from Exact Online",
    writingRows: (rows: number) => `Writing ${rows} rows`,
    readingReview: "Reading the access review from Exact Online",
    writingReview: "Writing the access review sheet",
    rememberingReview: "Remembering the review date in this workbook",
    done: "Done",
  },
  refreshDone: (outcome: RefreshCounts) => `Done: ${refreshCounts(outcome)}`,
  reviewDateNotSaved: (reason: string | undefined) =>
    `The review date was not saved in the workbook: ${reason ?? "unknown error"}`,

  // The ribbon: button labels exactly as manifest.xml has them (a test compares), its messages
  ribbonButtons: {
    showTaskpane: "Show task pane",
    refreshAll: "Refresh all",
    signIn: "Sign in",
    signOut: "Sign out",
    clearCache: "Clear cache",
    insertDivisionsSheet: "Divisions sheet",
    insertRoleAuditSheet: "Role audit sheet",
    insertAccessReviewSheet: "Access review",
    signOffAccessReview: "Sign off",
  },
  notDone: (button: string) => `${button}: not done`,
  openPaneToSignIn: "Open the EOL task pane (Exact Online tab, Show task pane) to sign in.",
  close: "OK",

  // The sign-in dialog's last page (auth/dialogPage.ts)
  signInWindowTitle: "EOL for Excel — sign-in",
  // Its first page (auth/signInStart.ts), shown while Office.js loads
  signInOpening: "Opening Exact Online…",
  signInDone: "Signed in",
  signInFailed: "Sign-in failed",
  closeThisWindow: "You can close this window.",
  // Exact did not say who signed in; the gateway kept the sign-in (docs/auth.md, "Try again")
  signInAlmost: "Almost signed in",
  signInNoIdentity:
    "You signed in at Exact Online, but it did not say who you are (it may be unavailable for a moment). Try again in a minute.",
  signInTryAgain: "Try again",
  signInTrying: "Trying again…",
  signInGatewayAway: "The EOL gateway could not be reached. Try again in a moment.",

  // Inserted sheets (excel/): names, heading lines, table titles. Column names are the gateway's.
  sheets: {
    divisions: "Divisions",
    roleAudit: "Role audit",
    accessReview: "Access review",
    dataAsOf: (when: string) => `Data as of ${when}`,
    onlyCurrentDivision: (code: number) =>
      `only your current division in Exact (${code}); no division was given`,
    scope: (how: string, divisions: string) => `Scope: ${how} (${divisions})`,
    oneDivision: (code: number) => `division ${code}`,
    divisionCount: (count: number) => `${count} divisions`,
    scopeAll: "all accessible divisions",
    scopeCurrent: "your current division in Exact",
    scopeChosen: "chosen divisions",
    reviewer: (name: string) => `Reviewer: ${name}`,
    changesSincePrevious: (since: string) => `Changes since the previous review of this workbook: ${since}`,
    changesSinceFirst: (since: string, days: number) =>
      `Changes since ${since} (first review of this workbook: the last ${days} days)`,
    holders: (roles: readonly number[]) =>
      `Holders of role${roles.length === 1 ? "" : "s"} ${roles.join(", ")}`,
    findings: (days: number) =>
      `Findings (login ended, no login for ${days} days or more, or two-step verification missing)`,
    changesSince: (since: string) => `Changes since ${since}`,
    catalogue: "Role catalogue (descriptions as in Exact's data)",
    separationRules:
      'Separation rules: role A and role B must not be held together (edit this table; rows starting with "#" are ignored; the next access review uses it)',
    separationRuleColumns: ["Role A", "Role B", "Rule"],
    separationRuleExample: ["# 11", "21", "Example: book entries and approve invoices (remove the #)"],
    conflicts: (rules: number) =>
      rules === 0
        ? "Separation-of-duties conflicts (no rules yet: fill in the separation rules, then run a new access review)"
        : `Separation-of-duties conflicts (users holding both roles of one of ${rules} rule${rules === 1 ? "" : "s"})`,
    badSeparationRules: (problem: string) =>
      `The separation rules of the previous access review cannot be used: ${problem}. Correct the table and try again.`,
    sinceLastSignOff: (at: string, reviewer: string) => `Since last sign-off (${at}, ${reviewer})`,
    notSignedOff: (until: string) =>
      `Not signed off: choose a Decision per row, then Sign off (before ${until}; later, insert a new review)`,
    signedOff: (reviewer: string, at: string, id: string, hash: string) =>
      `Signed off by ${reviewer} at ${at} — evidence ${id}, hash ${hash}`,
  },

  // Signing off the active Access review sheet (commands/signOff.ts)
  signOff: {
    button: "Sign off",
    hint: "Records the decisions on the active Access review sheet as evidence at the gateway: what it served, who signed off and when.",
    notAReviewSheet:
      "The active sheet is not an Access review inserted by EOL in this workbook (or it was renamed): open the review sheet and try again.",
    alreadySignedOff: (line: string) => `This review is signed off already: ${line}`,
    badDecision: (table: string, row: number, value: string) =>
      `Row ${row} (${table}): "${value}" is not a decision; choose Keep, Remove or Investigate.`,
    signing: "Recording the sign-off at the gateway",
  },

  // The pane's links: the gateway's help pages, and Exact's App Center
  links: {
    label: "Help and links",
    help: "Function help",
    support: "Support",
    privacy: "Privacy",
    registerApp: "Register your Exact app",
  },
};

export type Strings = typeof en;
