/**
 * The add-in's user actions, shared by the ribbon (ribbonCommands.ts) and the task pane, so each has
 * one implementation. Long operations report progress through the "progress" event (../events.ts);
 * a failure is reported there too (with `error`) and then thrown to the caller.
 */
import type { TableResponse } from "../../shared/api";
import { emit } from "../events";
import { readSheetNames } from "../excel/sheetList";
import { recalculateAll } from "../excel/recalculate";
import { writeTableSheet } from "../excel/writeTableSheet";
import { divisionsParam } from "../functions/eolTables";
import { tableSource } from "../functions/tableSource";
import { gatewayClient, type GatewayClient } from "../gateway/client";

export interface RoleAuditOptions {
  /** Role numbers to audit; all roles when empty or missing. */
  roles?: number[];
  /** "all" divisions, a list of division codes, or the current division when missing. */
  divisions?: "all" | number[];
  /** Only roles active today (default true); false includes ended and future roles. */
  activeOnly?: boolean;
}

type CacheClient = Pick<GatewayClient, "clearCache">;
let cacheClient: CacheClient = gatewayClient;

/** Test seam: the client whose gateway cache clearCache() and refreshAll() empty. */
export function setCacheClient(client: CacheClient): void {
  cacheClient = client;
}

function progress(operation: string, label: string, done: number, total: number, error?: string): void {
  emit("progress", { operation, label, done, total, ...(error === undefined ? {} : { error }) });
}

async function tracked<T>(
  operation: string,
  total: number,
  work: (step: (label: string) => void) => Promise<T>,
) {
  let done = 0;
  let current = "";
  const step = (label: string) => {
    current = label;
    progress(operation, label, done++, total);
  };
  try {
    const result = await work(step);
    progress(operation, "Done", total, total);
    return result;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    progress(operation, current || operation, total, total, message);
    throw error;
  }
}

/** Forgets this user's cached data here and on the gateway (no recalculation). */
export async function clearCache(): Promise<void> {
  await tracked("clear-cache", 1, async (step) => {
    step("Clearing cached Exact Online data");
    await clearAllCaches({ strict: true });
  });
}

/**
 * Empties the gateway's cache for this user and ours. When the gateway cannot be reached, ours is
 * still emptied and the next fetches bypass the gateway cache (Cache-Control: no-cache), so nothing
 * stale comes back; `strict` then reports the failure (Clear cache) instead of carrying on (Refresh
 * all, whose recalculation shows the problem in the cells). Signed out there is nothing to clear.
 */
async function clearAllCaches(options: { strict: boolean }): Promise<void> {
  try {
    await cacheClient.clearCache();
    tableSource.clear();
  } catch (error) {
    tableSource.clear({ bypassGateway: true });
    const code = (error as { code?: string }).code;
    if (options.strict && code !== "not_signed_in" && code !== "reauth_required") throw error;
  }
}

/** How long Excel gets to start the recalculated functions before we watch their fetches. */
export const RECALC_SETTLE_MS = 250;
/** Refresh all reports done after this long even if some fetches are still running. */
export const FETCH_WAIT_LIMIT_MS = 120_000;

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

/**
 * Clears the cached data, recalculates every EOL formula (including cells now in error), and reports
 * done once the fetches the recalculation started have finished.
 */
export async function refreshAll(): Promise<void> {
  await tracked("refresh-all", 3, async (step) => {
    step("Clearing cached Exact Online data");
    await clearAllCaches({ strict: false });
    step("Recalculating EOL formulas");
    await Excel.run(async (context) => {
      const names = await readSheetNames(context);
      await recalculateAll(context, names);
    });
    // Excel invokes the functions asynchronously after the calculation request returns.
    await delay(RECALC_SETTLE_MS);
    step("Fetching fresh data");
    // Bounded: a button stays busy until completed(), and the cells show their own state anyway.
    await atMost(tableSource.whenIdle(), FETCH_WAIT_LIMIT_MS);
  });
}

async function insertSheet(
  operation: string,
  baseName: string,
  load: () => Promise<TableResponse>,
): Promise<void> {
  await tracked(operation, 2, async (step) => {
    step("Reading from Exact Online");
    const table = await load();
    step(`Writing ${table.rows.length} rows`);
    await Excel.run(async (context) => {
      const existingNames = await readSheetNames(context);
      await writeTableSheet(context, { baseName, table, existingNames });
    });
  });
}

export async function insertDivisionsSheet(): Promise<void> {
  await insertSheet("insert-divisions", "Divisions", () =>
    tableSource.get("divisions", { scope: "accessible" }),
  );
}

export async function insertRoleAuditSheet(options: RoleAuditOptions = {}): Promise<void> {
  const divisions = divisionsParam(options.divisions ?? null);
  const activeOnly = options.activeOnly ?? true;
  const role = [...new Set(options.roles ?? [])].join(",");
  await insertSheet("insert-role-audit", "Role audit", () =>
    tableSource.get("user-roles", { divisions, role, activeOnly }),
  );
}
