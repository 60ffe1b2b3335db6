/**
 * Division arguments are checked against the divisions the caller can open (Exact's system/Divisions)
 * before any call: a division the user cannot open would only earn a 403 from Exact, and each one
 * counts towards Exact's error block.
 *
 * When the caller's whole list is known (any read of it — the divisions route, "all" — serves; kept per
 * chain for an hour), it answers. Otherwise the asked divisions are looked up by code: one filtered read
 * of system/Divisions per 60 codes (one page each), instead of paging through the whole list one page
 * after another (1,500 divisions = 25 pages in a row, Exact wants `__next` followed in sequence). The
 * first page goes alone, then twice as many at once each round; the first page that finds a division the
 * caller cannot open ends it, so a list of divisions nobody granted costs one look-up, not 17. Look-ups
 * are the caller's overhead: they count against the caller's own hourly ceiling (lookUpAllowance.ts).
 * What a look-up learns is kept per chain: an open division for an hour, a missing one for a
 * minute (access may just have been granted). Should Exact refuse the filter, the gateway reads whole
 * lists from then on. Unverified: that system/Divisions takes a `$filter` on Code and 60 or-clauses in
 * one (the reference documents `$filter` in general, not its limits); the simulator can be told to
 * refuse long filters (`maxFilterComparisons`) to test the fallback.
 */
import type { Clock } from "../../shared/clock";
import type { SessionContext } from "../contracts";
import { GatewayError } from "../errors";
import type { ExactRecord } from "../exact/odata";
import type { LookUpAllowance } from "./lookUpAllowance";

const SHOWN = 20;
const KEEP_MS = 3_600_000;
const RECHECK_AFTER_MS = 60_000;
/** Codes per filtered read: at most one page of answers (reference §4: 60 records a page). */
export const CODES_PER_LOOKUP = 60;

interface Known {
  /** The records it was learnt from: the same cached list read again needs no new sets. */
  rows: readonly ExactRecord[];
  open: Set<number>;
  blocked: Set<number>;
  at: number;
}

/** One division as a look-up found it. */
interface Learned {
  open: boolean;
  blocked: boolean;
  at: number;
}

export interface DivisionLists {
  /** Reads the caller's whole division list (system/Divisions); `fresh` skips the result cache. */
  all(session: SessionContext, fresh: boolean): Promise<ExactRecord[]>;
  /** Reads the caller's divisions among `codes` (≤ CODES_PER_LOOKUP) only. */
  some(session: SessionContext, codes: number[], fresh: boolean): Promise<ExactRecord[]>;
}

function list(numbers: number[]): string {
  const shown = numbers.slice(0, SHOWN).join(", ");
  return numbers.length > SHOWN ? `${shown} and ${numbers.length - SHOWN} more` : shown;
}

/** `unchecked`: divisions asked for that were not looked up, because the refusal was already certain. */
export function refusal(missing: number[], blocked: number[], unchecked = 0): GatewayError | null {
  if (missing.length > 0) {
    const which = missing.length === 1 ? "division" : "divisions";
    const rest = unchecked > 0 ? `; ${unchecked} more not checked` : "";
    return new GatewayError(403, "no_division_access", `No access to ${which} ${list(missing)}${rest}.`);
  }
  if (blocked.length > 0) {
    const which = blocked.length === 1 ? `Division ${blocked[0]} is` : `Divisions ${list(blocked)} are`;
    return new GatewayError(
      403,
      "exact_error",
      `${which} blocked in Exact Online (backup, conversion or deletion in progress).`,
    );
  }
  return null;
}

/** `Code eq 1 or Code eq 2 …`: Code is the key of system/Divisions, an Int32 (reference §5.2). */
export function codeFilter(codes: readonly number[]): string {
  return codes.map((code) => `Code eq ${code}`).join(" or ");
}

const codeOf = (row: ExactRecord): number | null => (typeof row.Code === "number" ? row.Code : null);

function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
}

export class DivisionAccess {
  private readonly known = new Map<string, Known>();
  private readonly learned = new Map<string, Map<number, Learned>>();
  /** Look-ups in flight per sign-in and codes, joined by concurrent checks. */
  private readonly underWay = new Map<string, Promise<void>>();
  /** Exact answered a filtered look-up with an error: whole lists only, for this gateway's life. */
  private filterRefused = false;
  /** Reads of a caller's whole list under way (settled either way), per chain. */
  private readonly listReads = new Map<string, Promise<void>>();

  constructor(
    private readonly clock: Clock,
    private readonly lists: DivisionLists,
    private readonly allowance?: LookUpAllowance,
  ) {}

  /** The divisions this caller can open (blocked ones included). */
  async openDivisions(session: SessionContext): Promise<Set<number>> {
    return (await this.get(session, false)).open;
  }

  /** Throws (403, naming the divisions) unless every one of `requested` can be opened now. */
  async check(session: SessionContext, requested: readonly number[]): Promise<void> {
    // The whole list is on its way (a workbook asking DIVISIONS or "all" at the same time): it answers
    // this check too, where a look-up would read pages nothing else needs.
    if (!this.current(session)) await this.listReads.get(session.chainId);
    if (!this.filterRefused && !this.current(session)) {
      try {
        return await this.checkByLookUp(session, requested);
      } catch (error) {
        if (!(error instanceof GatewayError) || error.code !== "exact_error") throw error;
        this.filterRefused = true;
      }
    }
    let known = await this.get(session, false);
    const missing = () => requested.filter((division) => !known.open.has(division));
    if (missing().length > 0 && this.clock.now() - known.at > RECHECK_AFTER_MS) {
      // A re-read is the caller's overhead too: a page per 60 divisions, against their own ceiling.
      await this.allowance?.take(session.chainId, 1);
      known = await this.get(session, true);
      const pages = Math.ceil(known.rows.length / CODES_PER_LOOKUP);
      if (pages > 1) await this.allowance?.spent(session.chainId, pages - 1);
    }
    const blocked = requested.filter((division) => known.blocked.has(division));
    const error = refusal(missing(), blocked);
    if (error) throw error;
  }

  /**
   * Runs `read`, a read of the caller's whole list that learns it, letting checks meanwhile wait for it
   * instead of looking their divisions up.
   */
  async reading<T>(session: SessionContext, read: () => Promise<T>): Promise<T> {
    const chainId = session.chainId;
    const result = read();
    const settled = result.then(
      () => undefined,
      () => undefined,
    );
    this.listReads.set(chainId, settled);
    try {
      return await result;
    } finally {
      if (this.listReads.get(chainId) === settled) this.listReads.delete(chainId);
    }
  }

  /** Any read of the caller's division list (the divisions route, "all") also serves the checks. */
  learn(session: SessionContext, rows: readonly ExactRecord[], at: number): void {
    if (this.known.get(session.chainId)?.rows === rows) return;
    const codes = (list: readonly ExactRecord[]) =>
      new Set(list.map(codeOf).filter((value): value is number => value !== null));
    const blocked = codes(rows.filter((row) => row.BlockingStatus));
    this.known.set(session.chainId, { rows, open: codes(rows), blocked, at });
  }

  /** The whole list, when read within the hour. */
  private current(session: SessionContext): Known | null {
    const cached = this.known.get(session.chainId);
    return cached && this.clock.now() - cached.at < KEEP_MS ? cached : null;
  }

  private async get(session: SessionContext, reread: boolean): Promise<Known> {
    const cached = reread ? null : this.current(session);
    if (cached) return cached;
    const now = this.clock.now();
    this.learn(session, await this.lists.all(session, reread), now);
    return this.known.get(session.chainId)!;
  }

  /**
   * Starts the look-ups of one round, joining those already under way for the same sign-in and codes (a
   * workbook's many cells asking at once cost one look-up, and one unit of the ceiling).
   */
  private lookUpRound(
    session: SessionContext,
    round: number[][],
    lookUp: (codes: number[]) => Promise<void>,
  ): Promise<void>[] {
    const key = (codes: number[]) => `${session.chainId}|${codes.join(",")}`;
    const started = round.filter((codes) => !this.underWay.has(key(codes)));
    // Taken for the whole round before any starts: a round beyond the ceiling sends nothing.
    const allowed =
      started.length > 0 && this.allowance
        ? this.allowance.take(session.chainId, started.length)
        : Promise.resolve();
    for (const codes of started) {
      const done = allowed.then(() => lookUp(codes)).finally(() => this.underWay.delete(key(codes)));
      this.underWay.set(key(codes), done);
    }
    return round.map((codes) => this.underWay.get(key(codes)) as Promise<void>);
  }

  private async checkByLookUp(session: SessionContext, requested: readonly number[]): Promise<void> {
    let learned = this.learned.get(session.chainId);
    if (!learned) {
      learned = new Map();
      this.learned.set(session.chainId, learned);
    }
    const now = this.clock.now();
    const valid = (entry: Learned | undefined) =>
      entry !== undefined && now - entry.at < (entry.open ? KEEP_MS : RECHECK_AFTER_MS);
    const settled = () => {
      const missing = requested.filter((code) => valid(learned.get(code)) && !learned.get(code)!.open);
      const blocked = requested.filter((code) => valid(learned.get(code)) && learned.get(code)!.blocked);
      return { missing, blocked };
    };
    const pending = chunks(
      [...new Set(requested)].filter((code) => !valid(learned.get(code))),
      CODES_PER_LOOKUP,
    );
    const lookUp = async (codes: number[]) => {
      // A code looked up before is being re-checked: the cached answer would be the stale one.
      const fresh = codes.some((code) => learned.has(code));
      const rows = await this.lists.some(session, codes, fresh);
      const found = new Map(rows.map((row) => [codeOf(row), row]));
      for (const code of codes) {
        const row = found.get(code);
        learned.set(code, { open: row !== undefined, blocked: Boolean(row?.BlockingStatus), at: now });
      }
    };
    // One page alone, then twice as many at once each round, until one finds a division the caller
    // cannot open: a refused list costs at most one look-up more than twice the pages that passed.
    for (let width = 1; ; width *= 2) {
      const { missing, blocked } = settled();
      const unchecked = pending.reduce((sum, codes) => sum + codes.length, 0);
      if (missing.length > 0 || pending.length === 0) {
        const error = refusal(missing, blocked, missing.length > 0 ? unchecked : 0);
        if (error) throw error;
        return;
      }
      await Promise.all(this.lookUpRound(session, pending.splice(0, width), lookUp));
    }
  }
}
