/** The access review's own parameters: a day (`since`) and a number of days (`inactiveDays`). */
import { invalid } from "../arguments";
import {
  DEFAULT_CHANGES_DAYS,
  DEFAULT_INACTIVE_DAYS,
  MAX_INACTIVE_DAYS,
} from "../../../shared/rules/accessReview";
import { DAY_MS, startOfDay } from "./reviewRows";

/** A calendar day `YYYY-MM-DD` as epoch ms (00:00 UTC); without one, `fallbackDays` before today. */
export function parseSince(
  raw: string | undefined,
  now: number,
  required: boolean,
  fallbackDays = DEFAULT_CHANGES_DAYS,
): number {
  const accepts = "accepts a day as YYYY-MM-DD, for example 2026-01-01";
  if (raw === undefined || raw.trim() === "") {
    if (required) throw invalid("since", `is required and ${accepts}`);
    return startOfDay(now) - fallbackDays * DAY_MS;
  }
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw.trim());
  const time = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : NaN;
  // Date.UTC rolls 2026-02-30 over into March: only a day that reads back the same is real.
  if (!match || new Date(time).toISOString().slice(0, 10) !== raw.trim() || Number(match[1]) < 1900) {
    throw invalid("since", accepts, raw);
  }
  return time;
}

export function parseInactiveDays(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === "") return DEFAULT_INACTIVE_DAYS;
  const text = raw.trim();
  const days = /^\d{1,4}$/.test(text) ? Number(text) : NaN;
  if (!(days >= 1 && days <= MAX_INACTIVE_DAYS)) {
    throw invalid("inactiveDays", `accepts a whole number of days from 1 to ${MAX_INACTIVE_DAYS}`, raw);
  }
  return days;
}
