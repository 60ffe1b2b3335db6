/**
 * Turns a gateway TableResponse into the 2-D array a custom function spills: an optional header row,
 * dates as Excel dates, booleans as TRUE/FALSE, missing values as empty cells.
 */
import type { CellValue, Column, TableResponse } from "../../shared/api";
import { isSetSupported } from "../office/environment";
import { dateFormatFor, isoToExcelSerial } from "../../shared/excelDates";
import { jsonBytes } from "../../shared/jsonBytes";

/**
 * A date cell as a formatted number, in the current shape (Excel.DoubleCellValue; the older
 * "FormattedNumber" type is deprecated since ExcelApi 1.19). Only where custom functions may return
 * such values (see supportsFormattedDates); elsewhere a date is the bare serial number.
 */
export interface FormattedDate {
  type: "Double";
  basicValue: number;
  numberFormat: string;
}

export type SpillCell = string | number | boolean | FormattedDate;

export interface SpillOptions {
  headers: boolean;
  /** True when custom functions may return formatted values (see supportsFormattedDates). */
  formattedDates: boolean;
}

/** The requirement set that lets a custom function return data types such as a formatted number. */
export const FORMATTED_RESULTS_SET = { name: "CustomFunctionsRuntime", version: "1.4" } as const;

/**
 * Feature detection. What matters is what a custom function may return (CustomFunctionsRuntime 1.4),
 * not what Excel's API can read or write: perpetual Office 2021/2024 passes ExcelApi 1.16 yet has no
 * CustomFunctionsRuntime 1.4, and a formatted value there would break the whole table (the pattern
 * of office-js #3504).
 */
export function supportsFormattedDates(): boolean {
  return isSetSupported(FORMATTED_RESULTS_SET.name, FORMATTED_RESULTS_SET.version);
}

function toCell(value: CellValue, column: Column, formattedDates: boolean): SpillCell {
  if (value === null || value === undefined) return "";
  if (column.type === "date" && typeof value === "string") {
    const serial = isoToExcelSerial(value);
    if (serial === null) return value;
    return formattedDates
      ? { type: "Double", basicValue: serial, numberFormat: dateFormatFor(serial) }
      : serial;
  }
  return value;
}

/**
 * Excel refuses custom-function results over 5 MB (counted in UTF-8 bytes: ../../shared/jsonBytes.ts);
 * stay clearly below and say what to do instead.
 */
export const MAX_RESULT_BYTES = 4_500_000;

export class ResultTooLargeError extends Error {
  constructor(bytes: number) {
    const megabytes = (bytes / 1_000_000).toFixed(1);
    super(
      `The table is too large for a formula (about ${megabytes} MB; Excel allows 5 MB). ` +
        "Ask for fewer divisions, add a filter or top, or use Insert sheet.",
    );
    this.name = "ResultTooLargeError";
  }
}

export function toSpill(table: TableResponse, options: SpillOptions): SpillCell[][] {
  const width = table.columns.length;
  const rows: SpillCell[][] = table.rows.map((row) => {
    // A short or long row means a broken response; never spill it as if it were complete.
    if (row.length !== width) throw new Error("The EOL gateway sent a malformed table.");
    return row.map((value, index) => toCell(value, table.columns[index], options.formattedDates));
  });
  if (options.headers) rows.unshift(table.columns.map((column) => column.name));
  // Excel cannot spill an empty array: show one empty cell (under the headers if any).
  if (rows.length === 0) rows.push([""]);
  const bytes = jsonBytes(rows);
  if (bytes > MAX_RESULT_BYTES) throw new ResultTooLargeError(bytes);
  return rows;
}
