/**
 * Division arguments are checked against the divisions the caller can open (Exact's system/Divisions)
 * before any call: a division the user cannot open would only earn a 403 from Exact, and each one
 * counts towards Exact's error block. The list is kept per chain for an hour; a request naming a
 * division missing from a list older than a minute re-reads it once (access may just have been granted).
 */
import type { Clock } from "../../shared/clock";
import type { SessionContext } from "../contracts";
import { GatewayError } from "../errors";
import type { ExactRecord } from "../exact/odata";

const SHOWN = 20;
const KEEP_MS = 3_600_000;
const RECHECK_AFTER_MS = 60_000;

interface Known {
  open: Set<number>;
  blocked: Set<number>;
  at: number;
}

function list(numbers: number[]): string {
  const shown = numbers.slice(0, SHOWN).join(", ");
  return numbers.length > SHOWN ? `${shown} and ${numbers.length - SHOWN} more` : shown;
}

export function refusal(missing: number[], blocked: number[]): GatewayError | null {
  if (missing.length > 0) {
    const which = missing.length === 1 ? "division" : "divisions";
    return new GatewayError(403, "no_division_access", `No access to ${which} ${list(missing)}.`);
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

export class DivisionAccess {
  private readonly known = new Map<string, Known>();

  constructor(
    private readonly clock: Clock,
    /** Reads the caller's divisions (system/Divisions); `fresh` skips the result cache. */
    private readonly load: (session: SessionContext, fresh: boolean) => Promise<ExactRecord[]>,
  ) {}

  /** The divisions this caller can open (blocked ones included). */
  async openDivisions(session: SessionContext): Promise<Set<number>> {
    return (await this.get(session, false)).open;
  }

  /** Throws (403, naming the divisions) unless every one of `requested` can be opened now. */
  async check(session: SessionContext, requested: readonly number[]): Promise<void> {
    let known = await this.get(session, false);
    const missing = () => requested.filter((division) => !known.open.has(division));
    if (missing().length > 0 && this.clock.now() - known.at > RECHECK_AFTER_MS) {
      known = await this.get(session, true);
    }
    const blocked = requested.filter((division) => known.blocked.has(division));
    const error = refusal(missing(), blocked);
    if (error) throw error;
  }

  /** Any read of the caller's division list (the divisions route, "all") also serves the checks. */
  learn(session: SessionContext, rows: readonly ExactRecord[], at: number): void {
    const code = (row: ExactRecord) => (typeof row.Code === "number" ? row.Code : null);
    const codes = (list: readonly ExactRecord[]) =>
      new Set(list.map(code).filter((value): value is number => value !== null));
    this.known.set(session.chainId, { open: codes(rows), blocked: codes(rows.filter((row) => row.BlockingStatus)), at });
  }

  private async get(session: SessionContext, reread: boolean): Promise<Known> {
    const now = this.clock.now();
    const cached = this.known.get(session.chainId);
    if (!reread && cached && now - cached.at < KEEP_MS) return cached;
    this.learn(session, await this.load(session, reread), now);
    return this.known.get(session.chainId)!;
  }
}
