/**
 * Excel date serials: days since 1899-12-30 (the 1900 leap-year bug makes that the effective epoch for
 * every date after February 1900). The gateway sends ISO texts; Exact's dates carry no real time zone,
 * so a text without an offset is read as written (wall-clock), not in this computer's zone.
 */
const MS_PER_DAY = 86_400_000;
const EPOCH_OFFSET_DAYS = 25_569; // 1970-01-01 as an Excel serial

export function isoToExcelSerial(iso: string): number | null {
  const hasZone = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(iso);
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(iso);
  const ms = Date.parse(hasZone || dateOnly ? iso : `${iso}Z`);
  if (Number.isNaN(ms)) return null;
  return ms / MS_PER_DAY + EPOCH_OFFSET_DAYS;
}

export const DATE_FORMAT = "yyyy-mm-dd";
export const DATE_TIME_FORMAT = "yyyy-mm-dd hh:mm";

/** Whole days get a date format, anything with a time of day a date-time format. */
export function dateFormatFor(serial: number): string {
  return Number.isInteger(serial) ? DATE_FORMAT : DATE_TIME_FORMAT;
}

/** An Excel date serial (a fraction is a time of day, dropped) as the calendar day `YYYY-MM-DD`. */
export function excelSerialToDay(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1) return null;
  const date = new Date((Math.floor(serial) - EPOCH_OFFSET_DAYS) * MS_PER_DAY);
  return Number.isNaN(date.getTime()) ? null : date.toISOString().slice(0, 10);
}
