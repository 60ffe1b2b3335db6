/**
 * How big an answer is: its rows, and the bytes its values take as JSON (what the gateway sends and
 * Excel receives). The estimate walks the values once, without serialising them: strings count their
 * UTF-8 bytes plus quotes, numbers their digits. Listings are measured once (a cached listing is
 * measured again for free).
 */
import { GatewayError } from "../errors";

export interface AnswerLimits {
  /** Rows an answer may hold (EOL_ANSWER_MAX_ROWS). */
  maxRows: number;
  /** Bytes an answer's values may take as JSON (EOL_ANSWER_MAX_BYTES). */
  maxBytes: number;
}

export interface AnswerSize {
  rows: number;
  bytes: number;
}

function valueBytes(value: unknown): number {
  if (value === null || value === undefined) return 4;
  switch (typeof value) {
    case "string":
      return Buffer.byteLength(value, "utf8") + 2;
    case "number":
      return String(value).length;
    case "boolean":
      return value ? 4 : 5;
    default:
      return Buffer.byteLength(JSON.stringify(value) ?? "null", "utf8");
  }
}

/** One row (a record's values, or an answer row): its values, commas and brackets. */
export function rowBytes(row: Record<string, unknown> | readonly unknown[]): number {
  const values = Array.isArray(row) ? row : Object.values(row);
  let bytes = 2 + Math.max(0, values.length - 1);
  for (const value of values) bytes += valueBytes(value);
  return bytes;
}

type Rows = readonly (Record<string, unknown> | readonly unknown[])[];

const measured = new WeakMap<readonly object[], AnswerSize>();

/** Rows and bytes of a list of rows (memoised per list: cached listings are the same array). */
export function measureRows(rows: Rows): AnswerSize {
  const known = measured.get(rows);
  if (known) return known;
  let bytes = 0;
  for (const row of rows) bytes += rowBytes(row) + 1;
  const size = { rows: rows.length, bytes };
  measured.set(rows, size);
  return size;
}

/** The rows of an answer: a table's, or the tables' of an answer made of several (the access review). */
export function answerSize(payload: unknown): AnswerSize {
  const size = { rows: 0, bytes: 0 };
  if (typeof payload !== "object" || payload === null) return size;
  const tables = [payload, ...Object.values(payload)];
  for (const table of tables) {
    const rows = (table as { rows?: unknown } | null)?.rows;
    if (!Array.isArray(rows)) continue;
    const measured = measureRows(rows as Rows);
    size.rows += measured.rows;
    size.bytes += measured.bytes;
  }
  return size;
}

export function formatMegabytes(bytes: number): string {
  return `${(bytes / 1_048_576).toFixed(1)} MB`;
}

/** Whether `size` is over either limit. */
export function exceeds(size: AnswerSize, limits: AnswerLimits): boolean {
  return size.rows > limits.maxRows || size.bytes > limits.maxBytes;
}

/**
 * The refusal of an answer over a limit: 422 (the request is valid but asks for more than one answer
 * may hold), naming what it reached, the limits and how to narrow it. At most 255 characters (cells).
 */
export function answerTooLarge(size: AnswerSize, limits: AnswerLimits): GatewayError {
  const reached =
    size.rows > limits.maxRows
      ? `${size.rows.toLocaleString("en-US")} rows (limit ${limits.maxRows.toLocaleString("en-US")})`
      : `${formatMegabytes(size.bytes)} (limit ${formatMegabytes(limits.maxBytes)})`;
  return new GatewayError(
    422,
    "answer_too_large",
    `Answer too large: it reached ${reached} before EOL stopped fetching. Narrow it: fewer divisions, fewer fields (select), a top, or a filter.`,
  );
}
