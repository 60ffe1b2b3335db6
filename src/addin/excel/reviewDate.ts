/**
 * The date of this workbook's last access review, kept in the workbook itself (Office document
 * settings), so the next review lists the changes since then. The first review looks back 90 days.
 */
import { addinStrings, type Strings } from "../i18n";
import { readDocumentSetting, saveDocumentSetting, SettingsNotSavedError } from "../office/documentSettings";

export const REVIEW_SETTING = "eol.lastAccessReview";
export const FIRST_REVIEW_DAYS = 90;

const DAY_MS = 24 * 60 * 60 * 1000;

function isDay(value: unknown): value is string {
  return typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value));
}

export interface ReviewStart {
  /** First day of the changes table (YYYY-MM-DD). */
  since: string;
  /** True when the workbook remembered an earlier review; false on the first review. */
  remembered: boolean;
}

/** The previous review's date, or 90 days before `now` when there is none (or it is unreadable). */
export function reviewStart(now: Date = new Date()): ReviewStart {
  const stored = readDocumentSetting(REVIEW_SETTING);
  if (isDay(stored)) return { since: stored, remembered: true };
  const since = new Date(now.getTime() - FIRST_REVIEW_DAYS * DAY_MS).toISOString().slice(0, 10);
  return { since, remembered: false };
}

/** Remembers `day` as this workbook's last review; rejects when Office could not save the settings. */
export async function rememberReview(day: string, s: Strings = addinStrings()): Promise<void> {
  try {
    await saveDocumentSetting(REVIEW_SETTING, day);
  } catch (error) {
    if (error instanceof SettingsNotSavedError) throw new Error(s.reviewDateNotSaved(error.hostMessage));
    throw error;
  }
}
