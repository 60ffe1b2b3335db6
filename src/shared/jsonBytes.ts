/**
 * The size of a value as Excel receives it: its JSON in UTF-8 bytes. Excel on the web refuses a request
 * or response over 5 MB (RichApi.Error: RequestPayloadSizeLimitExceeded; Microsoft's "Resource limits
 * and performance optimization"), and a custom function's result over 5 MB; both count bytes, so a
 * string's `length` (UTF-16 units) undercounts every accented letter, € and CJK character.
 */
/** Excel on the web's limit for one request or response, and for a custom function's result. */
export const EXCEL_PAYLOAD_LIMIT_BYTES = 5_000_000;

/** UTF-8 length without encoding (no TextEncoder: it is missing in some test environments, jsdom). */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      bytes += 4; // a surrogate pair: one code point above U+FFFF
      i++;
    } else bytes += 3;
  }
  return bytes;
}

export function jsonBytes(value: unknown): number {
  return utf8Bytes(JSON.stringify(value) ?? "");
}
