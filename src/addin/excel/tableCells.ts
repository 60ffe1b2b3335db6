/**
 * Values and number formats for writing a gateway table into cells as data.
 *
 * Formula injection: a text such as "=HYPERLINK(…)", "+31 20 …", "-5" or "@x" written with
 * range.values would be parsed by Excel as a formula or number. We give every text column (string,
 * guid) the text number format "@" before writing, so Excel stores exactly the text that came from Exact,
 * without a visible apostrophe added to the value. Numbers, booleans and dates keep real types: dates
 * become serials with a date format, so sorting and filtering work.
 */
import type { CellValue, Column, ColumnType } from "../../shared/api";
import { dateFormatFor, isoToExcelSerial } from "../../shared/excelDates";

export const TEXT_FORMAT = "@";
export const GENERAL_FORMAT = "General";

export type WritableCell = string | number | boolean;

const TEXT_TYPES: ReadonlySet<ColumnType> = new Set(["string", "guid"]);

export function isTextColumn(column: Column): boolean {
  return TEXT_TYPES.has(column.type);
}

export function cellValue(value: CellValue, column: Column): WritableCell {
  if (value === null || value === undefined) return "";
  if (column.type === "date" && typeof value === "string") return isoToExcelSerial(value) ?? value;
  // A non-text value in a text column (should not happen) is written as its text, so "@" holds.
  if (isTextColumn(column)) return String(value);
  return value;
}

/** Every text gets "@", whatever its column, so no text is ever parsed as a formula or number. */
export function cellFormat(value: WritableCell, column: Column): string {
  if (typeof value === "string") return TEXT_FORMAT;
  if (column.type === "date" && typeof value === "number") return dateFormatFor(value);
  return GENERAL_FORMAT;
}
