/**
 * The size of a value as Excel receives it: its JSON in UTF-8 bytes. Excel on the web refuses a request
 * or response over 5 MB (RichApi.Error: RequestPayloadSizeLimitExceeded; Microsoft's "Resource limits
 * and performance optimization"), and a custom function's result over 5 MB; both count bytes, so a
 * string's `length` (UTF-16 units) undercounts every accented letter, € and CJK character.
 */
const encoder = new TextEncoder();

/** Excel on the web's limit for one request or response, and for a custom function's result. */
export const EXCEL_PAYLOAD_LIMIT_BYTES = 5_000_000;

export function utf8Bytes(text: string): number {
  return encoder.encode(text).length;
}

export function jsonBytes(value: unknown): number {
  return utf8Bytes(JSON.stringify(value) ?? "");
}
