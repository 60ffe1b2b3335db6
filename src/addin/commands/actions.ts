/**
 * The add-in's user actions, shared by the ribbon (ribbonCommands.ts) and the task pane, so each has
 * one implementation. Long operations report progress through the "progress" event (../events.ts);
 * a failure is reported there too (with `error`) and then thrown to the caller. Every text is in the
 * add-in's language (../i18n), read once per action so one operation never mixes languages.
 */
import type { TableResponse } from "../../shared/api";
import { emit } from "../events";
import { documentReadOnly, isSetSupported } from "../office/environment";
import { readSheetNames } from "../excel/sheetList";
import { recalculateAll } from "../excel/recalculate";
import { readOutcome, rerunEolFormulas, type RefreshOutcome, type RerunPass } from "../excel/refreshFormulas";
import { writeTableSheet } from "../excel/writeTableSheet";
import { writeAccessReviewSheet } from "../excel/accessReviewSheet";
import {
  readSeparationRules,
  rememberSeparationRules,
  separationRulesTableName,
} from "../excel/separationRules";
import { sodRulesParam } from "../../shared/rules/sodRules";
import { rememberReview, reviewStart } from "../excel/reviewDate";
import { saveReviewSheet } from "../excel/reviewDecisions";
import { hasWorkbook, runWorkbook } from "../office/workbook";
import { divisionsParam } from "../../shared/rules/divisionList";
import { dataServices } from "../data/services";
import { addinStrings, type Strings } from "../i18n";

export interface RoleAuditOptions {
  /** Role numbers to audit; all roles when empty or missing. */
  roles?: number[];
  /** "all" divisions (the default: an audit covers the whole environment), "current", or a list of codes. */
  divisions?: "all" | "current" | number[];
  /** Only roles active today (default true); false includes ended and future roles. */
  activeOnly?: boolean;
}

function progress(operation: string, label: string, done: number, total: number, error?: string): void {
  emit("progress", { operation, label, done, total, ...(error === undefined ? {} : { error }) });
}

export async function tracked<T>(
  operation: string,
  total: number,
  work: (step: (label: string) => void) => Promise<T>,
  doneLabel: () => string,
) {
  let done = 0;
  let current = "";
  const step = (label: string) => {
    current = label;
    progress(operation, label, done++, total);
  };
  try {
    const result = await work(step);
    progress(operation, doneLabel(), total, total);
    return result;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    progress(operation, current || operation, total, total, message);
    throw error;
  }
}

/** Outside Excel (a browser tab) there is no workbook: say so rather than fail on a missing workbook. */
export function requireExcel(s: Strings): void {
  if (!hasWorkbook()) throw new Error(s.needsExcel);
}

/** Forgets this user's cached data here and on the gateway (no recalculation). */
export async function clearCache(): Promise<void> {
  const s = addinStrings();
  await tracked(
    "clear-cache",
    1,
    async (step) => {
      step(s.steps.clearingCache);
      await clearAllCaches({ strict: true });
    },
    () => s.steps.done,
  );
}

/**
 * Empties the gateway's cache for this user and ours. When the gateway cannot be reached, ours is
 * still emptied and the next fetches bypass the gateway cache (Cache-Control: no-cache), so nothing
 * stale comes back; `strict` then reports the failure (Clear cache) instead of carrying on (Refresh
 * all, whose recalculation shows the problem in the cells). Signed out there is nothing to clear.
 */
async function clearAllCaches(options: { strict: boolean }): Promise<void> {
  try {
    await dataServices().client.clearCache();
    dataServices().tables.clear();
  } catch (error) {
    dataServices().tables.clear({ bypassGateway: true });
    const code = (error as { code?: string }).code;
    if (options.strict && code !== "not_signed_in" && code !== "reauth_required") throw error;
  }
}

/** How long Excel gets to start the re-run functions before their cells are first read. */
export const RECALC_SETTLE_MS = 250;
/** Refresh all stops waiting after this long even if some cells are still #BUSY! (and says so). */
export const FETCH_WAIT_LIMIT_MS = 120_000;
/** How often the cells are read again while some are still #BUSY!. */
export const BUSY_POLL_MS = 500;

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Waits for `work`, but no longer than `ms` (and leaves no timer behind). */
async function atMost(work: Promise<void>, ms: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
  try {
    await Promise.race([work, limit]);
  } finally {
    clearTimeout(timer);
  }
}

/** Re-entering formulas needs ExcelApi 1.12 (spill parents); older hosts get a full calculation. */
function supportsReentry(): boolean {
  return isSetSupported("ExcelApi", "1.12");
}

/** Reads the re-run cells until none is #BUSY! (or the limit), after their fetches have finished. */
async function awaitValues(pass: RerunPass, deadline: number): Promise<RefreshOutcome> {
  await delay(RECALC_SETTLE_MS); // Excel invokes the functions asynchronously after the write
  await atMost(dataServices().tables.whenIdle(), Math.max(0, deadline - Date.now()));
  const outcome = await runWorkbook((context) =>
    readOutcome(context, pass.rerun, pass.skipped, pass.unreadRows),
  );
  if (outcome.calculating === 0 || Date.now() + BUSY_POLL_MS > deadline) return outcome;
  await delay(BUSY_POLL_MS);
  return awaitValues(pass, deadline);
}

/**
 * What Refresh all reports when done: how many cells came back with a value and with an error, and how
 * many it left alone and why.
 */
export function refreshSummary(outcome: RefreshOutcome | null, s: Strings = addinStrings()): string {
  return outcome === null ? s.steps.done : s.refreshDone(outcome);
}

/**
 * Clears the cached data, then runs every EOL formula again by re-entering it (refreshFormulas.ts),
 * and reports done only once their cells show the new values, with how many are in error and how
 * many it left alone (protected sheets, a read-only workbook, cells Excel refused to change). On hosts
 * without ExcelApi 1.12 it falls back to a full calculation and waits for the fetches it started;
 * the outcome is then null (no cells were counted).
 */
export async function refreshAll(): Promise<RefreshOutcome | null> {
  const s = addinStrings();
  requireExcel(s);
  const deadline = Date.now() + FETCH_WAIT_LIMIT_MS;
  let outcome: RefreshOutcome | null = null;
  await tracked(
    "refresh-all",
    3,
    async (step) => {
      step(s.steps.clearingCache);
      await clearAllCaches({ strict: false });
      step(s.steps.rerunningFormulas);
      const pass = await runWorkbook(async (context) => {
        const names = await readSheetNames(context);
        if (!supportsReentry()) {
          await recalculateAll(context, names);
          return null;
        }
        return rerunEolFormulas(context, names, { readOnly: documentReadOnly() });
      });
      step(s.steps.fetchingData);
      if (pass === null) {
        await delay(RECALC_SETTLE_MS);
        // Bounded: a button stays busy until completed(), and the cells show their own state anyway.
        await atMost(dataServices().tables.whenIdle(), Math.max(0, deadline - Date.now()));
      } else {
        outcome = await awaitValues(pass, deadline);
      }
    },
    () => refreshSummary(outcome, s),
  );
  return outcome;
}

async function insertSheet(
  operation: string,
  sheetName: (sheets: Strings["sheets"]) => string,
  load: () => Promise<TableResponse>,
): Promise<void> {
  const s = addinStrings();
  requireExcel(s);
  await tracked(
    operation,
    2,
    async (step) => {
      step(s.steps.readingTable);
      const table = await load();
      step(s.steps.writingRows(table.rows.length));
      await runWorkbook(async (context) => {
        const existingNames = await readSheetNames(context);
        await writeTableSheet(context, { baseName: sheetName(s.sheets), table, existingNames, strings: s });
      });
    },
    () => s.steps.done,
  );
}

export async function insertDivisionsSheet(): Promise<void> {
  await insertSheet(
    "insert-divisions",
    (sheets) => sheets.divisions,
    () => dataServices().tables.get("divisions", { scope: "accessible" }),
  );
}

export async function insertRoleAuditSheet(options: RoleAuditOptions = {}): Promise<void> {
  const divisions = divisionsParam(options.divisions ?? "all");
  const activeOnly = options.activeOnly ?? true;
  const role = [...new Set(options.roles ?? [])].join(",");
  await insertSheet(
    "insert-role-audit",
    (sheets) => sheets.roleAudit,
    () => dataServices().tables.get("user-roles", { divisions, role, activeOnly }),
  );
}

export interface AccessReviewOptions {
  /** Roles whose holders are listed; the gateway's default (274, manage subscription) when missing. */
  roles?: number[];
  /** "all" divisions (the default), "current", or a list of codes. */
  divisions?: "all" | "current" | number[];
}

/**
 * The Access review sheet: changes since this workbook's previous review (remembered in its document
 * settings; the first review looks back 90 days), and the review's date remembered once written.
 */
export async function insertAccessReviewSheet(options: AccessReviewOptions = {}): Promise<void> {
  const s = addinStrings();
  requireExcel(s);
  await tracked(
    "insert-access-review",
    3,
    async (step) => {
      step(s.steps.readingReview);
      const start = reviewStart();
      const roles = [...new Set(options.roles ?? [])].join(",");
      // The separation rules as the user left them in the previous review sheet (none the first time).
      const rules = await runWorkbook((context) => readSeparationRules(context, s.sheets));
      const params = {
        divisions: divisionsParam(options.divisions ?? "all"),
        since: start.since,
        ...(roles ? { roles } : {}),
        ...(rules.length > 0 ? { rules: sodRulesParam(rules) } : {}),
      };
      const [review, session] = await Promise.all([
        dataServices().client.accessReview(params),
        dataServices().tables.session(),
      ]);
      step(s.steps.writingReview);
      const reviewer = session.user.fullName || session.user.userName;
      const written = await runWorkbook(async (context) => {
        const existingNames = await readSheetNames(context);
        return writeAccessReviewSheet(context, review, reviewer, start, existingNames, s, rules);
      });
      step(s.steps.rememberingReview);
      await rememberReview(review.asOf.slice(0, 10), s);
      await rememberSeparationRules(separationRulesTableName(written.name));
      // What Sign off needs: the snapshot the gateway kept, and where the decisions are.
      await saveReviewSheet(written.name, written.record);
    },
    () => s.steps.done,
  );
}
