/**
 * Reading Exact's OData v2 verbose JSON: `{"d":{"results":[…],"__next":"…"}}`, `{"d":[…]}` or a single
 * `{"d":{…}}`. Dates arrive as `/Date(ms)/` and leave as ISO strings; `__metadata` and deferred
 * navigation properties are dropped so rows only carry data.
 */
export type ExactRecord = Record<string, unknown>;

export interface ODataPage {
  records: ExactRecord[];
  next: string | null;
}

const DATE_PATTERN = /^\/Date\((-?\d+)([+-]\d{4})?\)\/$/;

/** `/Date(1382667872203)/` (optionally with an offset suffix, which Exact's ms already include) → ISO. */
export function parseExactDate(value: string): string | null {
  const match = DATE_PATTERN.exec(value);
  if (!match) return null;
  const ms = Number(match[1]);
  const date = new Date(ms);
  return Number.isFinite(date.getTime()) ? date.toISOString() : null;
}

function cleanValue(value: unknown): unknown {
  if (typeof value === "string") return parseExactDate(value) ?? value;
  return value;
}

function cleanRecord(raw: unknown): ExactRecord {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw new MalformedResponseError("a record is not an object");
  }
  const record: ExactRecord = {};
  for (const [key, value] of Object.entries(raw as ExactRecord)) {
    if (key === "__metadata") continue;
    if (typeof value === "object" && value !== null && "__deferred" in value) continue;
    record[key] = cleanValue(value);
  }
  return record;
}

/** The body was not the JSON Exact promises (truncated page, HTML error page…): treated as transient. */
export class MalformedResponseError extends Error {
  constructor(detail: string) {
    super(`Exact Online sent an unreadable response (${detail}).`);
    this.name = "MalformedResponseError";
  }
}

export function parseODataPage(bodyText: string): ODataPage {
  let body: unknown;
  try {
    body = JSON.parse(bodyText);
  } catch {
    throw new MalformedResponseError("not JSON");
  }
  if (typeof body !== "object" || body === null || !("d" in body)) {
    throw new MalformedResponseError('no "d" envelope');
  }
  const d = (body as { d: unknown }).d;
  if (Array.isArray(d)) return { records: d.map(cleanRecord), next: null };
  if (typeof d !== "object" || d === null) throw new MalformedResponseError('"d" is not an object');
  const envelope = d as { results?: unknown; __next?: unknown };
  if (!("results" in envelope)) return { records: [cleanRecord(d)], next: null };
  if (!Array.isArray(envelope.results)) throw new MalformedResponseError('"results" is not a list');
  const next = typeof envelope.__next === "string" && envelope.__next !== "" ? envelope.__next : null;
  return { records: envelope.results.map(cleanRecord), next };
}

/** Exact's error envelope `{error:{code,message:{lang,value}}}` → its text, or null when absent. */
export function exactErrorText(bodyText: string): string | null {
  try {
    const body = JSON.parse(bodyText) as { error?: { message?: unknown } };
    const message = body?.error?.message;
    if (typeof message === "string") return message || null;
    if (typeof message === "object" && message !== null) {
      const value = (message as { value?: unknown }).value;
      return typeof value === "string" && value !== "" ? value : null;
    }
  } catch {
    // not JSON: Exact sometimes answers with HTML or nothing
  }
  return null;
}
