/**
 * Fetches per (chain, resource, division, options) through the cache, so routes share work: the users
 * of a division fetched for one route serve the joins of another, and "all" reuses the cached
 * divisions list. Multi-division requests fan out in parallel; the scheduler bounds and shares them.
 */
import type { Clock } from "../../shared/clock";
import type { SessionContext } from "../contracts";
import type { AnswerCache, Cached } from "../cache/resultCache";
import type { ExactClient, ODataQuery } from "../exact/client";
import type { ExactRecord } from "../exact/odata";
import type { ErrorOrigin } from "../exact/errorBudget";
import { GatewayError } from "../errors";
import { meterThatStopped, type PageSink } from "../answers/answerMeter";
import { answerTooLarge, exceeds, measureRows, type AnswerLimits } from "../answers/answerSize";
import type { DivisionSelector } from "./arguments";
import { fanOut, type FanOutProgress } from "./fanOut";
import { codeFilter, DivisionAccess } from "./divisionAccess";
import type { LookUpAllowance } from "./lookUpAllowance";
import { DIVISION_SELECT, ME_SELECT, USER_ROLE_SELECT, USER_SELECT } from "./tables";
import { DIRECTORY_SELECT } from "./userLogin";

export type Fetched<T> = Cached<T>;

export interface ResolvedDivisions {
  divisions: number[];
  source: "explicit" | "current" | "all";
  /** The divisions list fetch behind "all" (its age counts towards the answer's asOf). */
  basis: Fetched<unknown> | null;
}

/** Combines the freshness of several fetches: the oldest asOf, cached only when all were. */
export function combine(parts: Fetched<unknown>[], now: number): { asOf: number; cached: boolean } {
  if (parts.length === 0) return { asOf: now, cached: false };
  return {
    asOf: Math.min(...parts.map((part) => part.asOf)),
    cached: parts.every((part) => part.cached),
  };
}

export class DataService {
  constructor(
    private readonly client: ExactClient,
    private readonly cache: AnswerCache,
    private readonly clock: Clock,
    private readonly fanOutWidth = 8,
    /** The per-user ceiling on division look-ups; none: unlimited (tests of other things). */
    lookUps?: LookUpAllowance,
    private readonly limits: AnswerLimits = { maxRows: Infinity, maxBytes: Infinity },
  ) {
    this.access = new DivisionAccess(
      clock,
      {
        all: async (session, fresh) => (await this.divisions(session, "accessible", fresh)).value,
        some: async (session, codes, fresh) => {
          const { division: current } = await this.currentDivision(session, false);
          const query = { $select: DIVISION_SELECT.join(","), $filter: codeFilter(codes) };
          return (await this.fetch(session, current, "system/Divisions", query, fresh)).value;
        },
      },
      lookUps,
    );
  }

  private readonly access: DivisionAccess;

  now(): number {
    return this.clock.now();
  }

  /**
   * All records of one resource in one division (null = no division in the URL), cached. `sink` (the
   * request's meter) weighs every page as it arrives, or the whole listing when it came from the cache
   * or from another request's fetch. `origin` "query": the user wrote the request (QUERY), so its errors
   * use only QUERY's part of the allowance.
   */
  async fetch(
    session: SessionContext,
    division: number | null,
    resource: string,
    query: ODataQuery,
    fresh: boolean,
    sink?: PageSink | null,
    origin: ErrorOrigin = "builtin",
  ): Promise<Fetched<ExactRecord[]>> {
    const parts = { chainId: session.chainId, resource, division, options: query };
    for (let attempt = 1; ; attempt += 1) {
      let loadedHere = false;
      const load = () => {
        loadedHere = true;
        return this.load(session, division, resource, query, sink, origin);
      };
      try {
        const result = await this.cache.get(parts, load, fresh);
        if (sink && !loadedHere) sink.add(measureRows(result.value));
        return result;
      } catch (error) {
        // A fetch shared with a request that stopped at its own limit: this one fetches for itself.
        const stopper = meterThatStopped(error);
        if (stopper && stopper !== sink?.meter && attempt < 3) continue;
        throw error;
      }
    }
  }

  /** Pages one listing, stopping as soon as it alone would pass an answer's limits. */
  private load(
    session: SessionContext,
    division: number | null,
    resource: string,
    query: ODataQuery,
    sink: PageSink | null | undefined,
    origin: ErrorOrigin,
  ): Promise<ExactRecord[]> {
    const listing = { rows: 0, bytes: 0 };
    return this.client.getAll(session, division, resource, query, {
      signal: sink?.signal,
      origin,
      onPage: (records) => {
        const page = measureRows(records);
        listing.rows += page.rows;
        listing.bytes += page.bytes;
        if (exceeds(listing, this.limits)) {
          if (sink) sink.meter.refuseListing(listing);
          throw answerTooLarge(listing, this.limits);
        }
        sink?.add(page);
      },
    });
  }

  async me(session: SessionContext, fresh: boolean): Promise<Fetched<ExactRecord>> {
    const result = await this.fetch(session, null, "current/Me", { $select: ME_SELECT.join(",") }, fresh);
    const me = result.value[0];
    if (!me)
      throw new GatewayError(502, "exact_unavailable", "Exact Online did not return the signed-in user.");
    return { ...result, value: me };
  }

  async divisions(
    session: SessionContext,
    scope: "accessible" | "license",
    fresh: boolean,
  ): Promise<Fetched<ExactRecord[]>> {
    const { division: current } = await this.currentDivision(session, fresh);
    const select = { $select: DIVISION_SELECT.join(",") };
    // Exact does not check the division in a system/Divisions URL, so the current one always serves.
    const accessible = await this.access.reading(session, async () => {
      const list = await this.fetch(session, current, "system/Divisions", select, fresh);
      this.access.learn(session, list.value, list.asOf);
      return list;
    });
    if (scope === "accessible") return accessible;
    // system/AllDivisions lists the license of the URL division, which must be readable: the current
    // division when it is, else the first readable main division (Me's may be one the app was not granted).
    const readable = accessible.value.filter((row) => !row.BlockingStatus);
    const anchor =
      readable.find((row) => row.Code === current) ??
      readable.find((row) => row.IsMainDivision === true) ??
      readable[0];
    if (!anchor || typeof anchor.Code !== "number") {
      throw new GatewayError(403, "no_division_access", "No readable division to list the license from.");
    }
    return this.fetch(session, anchor.Code, "system/AllDivisions", select, fresh);
  }

  async currentDivision(
    session: SessionContext,
    fresh: boolean,
  ): Promise<{ division: number; basis: Fetched<unknown> | null }> {
    if (session.currentDivision !== null) return { division: session.currentDivision, basis: null };
    const me = await this.me(session, fresh);
    const current = me.value.CurrentDivision;
    if (typeof current !== "number") {
      throw new GatewayError(400, "invalid_request", 'Exact reports no current division; pass "divisions".');
    }
    return { division: current, basis: me };
  }

  async resolveDivisions(
    session: SessionContext,
    selector: DivisionSelector,
    fresh: boolean,
  ): Promise<ResolvedDivisions> {
    if (selector.kind === "explicit") {
      await this.access.check(session, selector.divisions);
      return { divisions: selector.divisions, source: "explicit", basis: null };
    }
    if (selector.kind === "current") {
      const { division, basis } = await this.currentDivision(session, fresh);
      return { divisions: [division], source: "current", basis };
    }
    const list = await this.divisions(session, "accessible", fresh);
    // Blocked divisions (backup, conversion, deletion) refuse every call: "all" leaves them out.
    const codes = list.value
      .filter((row) => !row.BlockingStatus)
      .map((row) => row.Code)
      .filter((code): code is number => typeof code === "number");
    return { divisions: codes, source: "all", basis: list };
  }

  /** The divisions this caller can open (kept per chain; views must not show other users' divisions). */
  async accessibleCodes(session: SessionContext): Promise<Set<number>> {
    try {
      return await this.access.openDivisions(session);
    } catch (error) {
      // Exact unreachable: showing no budgets beats showing other users' divisions.
      if (error instanceof GatewayError) return new Set();
      throw error;
    }
  }

  users(
    session: SessionContext,
    division: number,
    fresh: boolean,
    sink?: PageSink | null,
  ): Promise<Fetched<ExactRecord[]>> {
    return this.fetch(session, division, "users/Users", { $select: USER_SELECT.join(",") }, fresh, sink);
  }

  /**
   * Every user of the signed-in user's license in one listing (system/Users takes no division), so
   * joining names onto role rows of many divisions costs one call instead of one per division; it is
   * also where the login type comes from (userLogin.ts), read once for every function that needs it. Null
   * when Exact refuses it (e.g. an app without that scope): callers then fall back to users/Users.
   */
  async userDirectory(
    session: SessionContext,
    fresh: boolean,
    sink?: PageSink | null,
  ): Promise<Fetched<ExactRecord[]> | null> {
    try {
      const select = { $select: DIRECTORY_SELECT.join(",") };
      return await this.fetch(session, null, "system/Users", select, fresh, sink);
    } catch (error) {
      if (
        error instanceof GatewayError &&
        (error.code === "exact_error" || error.code === "no_division_access")
      ) {
        return null;
      }
      throw error;
    }
  }

  /**
   * Role rows of one division, of the given role number(s) when any. Every route reads the division's
   * one listing of all its role rows (the same query, so one fetch per TTL serves USERROLES,
   * ROLEHOLDERS and the review alike) and keeps the asked roles here: a workbook asking for several
   * roles, or for all of them in a review, does not read the division again per role set.
   */
  async userRoles(
    session: SessionContext,
    division: number,
    roles: number[] | null,
    fresh: boolean,
    sink?: PageSink | null,
  ): Promise<Fetched<ExactRecord[]>> {
    const resource = "users/UserRolesPerDivision";
    const query = { $select: USER_ROLE_SELECT.join(",") };
    if (!roles || roles.length === 0) return this.fetch(session, division, resource, query, fresh, sink);
    // The request holds only the rows it keeps (the listing is the cache's): those are weighed, as
    // when Exact filtered them; the sink's signal still stops the paging when the request ends.
    const weighsNothing = sink && { ...sink, add: () => sink.signal.throwIfAborted() };
    const listing = await this.fetch(session, division, resource, query, fresh, weighsNothing);
    const wanted = new Set(roles);
    const kept = listing.value.filter((row) => wanted.has(Number(row.Role)));
    sink?.add(measureRows(kept));
    return { ...listing, value: kept };
  }

  /**
   * Runs `work` for every division in parallel (as wide as the scheduler lets calls run); the first
   * failure fails the whole answer and the divisions not yet started are never called. `progress`
   * (the request's, when the add-in asked for it) counts the divisions done.
   */
  fanOut<T>(
    divisions: number[],
    work: (division: number) => Promise<T>,
    progress?: FanOutProgress | null,
  ): Promise<T[]> {
    return fanOut(divisions, this.fanOutWidth, work, progress);
  }

  cacheStats(session: SessionContext): ReturnType<AnswerCache["stats"]> {
    return this.cache.stats(session.chainId);
  }

  async clearCache(session: SessionContext): Promise<number> {
    await this.client.forgetErrors(session.chainId);
    return this.cache.clear(session.chainId);
  }
}
