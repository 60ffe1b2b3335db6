/** Tokenizer for OData v2 `$filter` expressions. */
import { syntaxError } from "./errors";

export type TokenKind =
  "open" | "close" | "comma" | "identifier" | "string" | "number" | "guid" | "datetime" | "end";

export interface Token {
  kind: TokenKind;
  /** Identifier name, string contents, number text, or the inside of guid'…'/datetime'…'. */
  text: string;
  /** Number suffix (L, M, D, F) when present. */
  suffix?: string;
  position: number;
}

const IDENTIFIER_START = /[A-Za-z_]/;
const IDENTIFIER_PART = /[A-Za-z0-9_./]/;

function readQuoted(source: string, start: number): { text: string; next: number } {
  // `start` points at the opening quote; '' inside the literal is an escaped quote.
  let text = "";
  let i = start + 1;
  for (;;) {
    if (i >= source.length) throw syntaxError();
    const char = source[i];
    if (char === "'") {
      if (source[i + 1] === "'") {
        text += "'";
        i += 2;
        continue;
      }
      return { text, next: i + 1 };
    }
    text += char;
    i++;
  }
}

export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const char = source[i];
    if (/\s/.test(char)) {
      i++;
    } else if (char === "(" || char === ")" || char === ",") {
      tokens.push({
        kind: char === "(" ? "open" : char === ")" ? "close" : "comma",
        text: char,
        position: i,
      });
      i++;
    } else if (char === "'") {
      const { text, next } = readQuoted(source, i);
      tokens.push({ kind: "string", text, position: i });
      i = next;
    } else if (/[0-9]/.test(char) || (char === "-" && /[0-9]/.test(source[i + 1] ?? ""))) {
      const match = /^-?\d+(\.\d+)?([eE][+-]?\d+)?([LlMmDdFf])?/.exec(source.slice(i));
      if (!match) throw syntaxError();
      const suffix = match[3];
      const text = suffix ? match[0].slice(0, -1) : match[0];
      tokens.push({ kind: "number", text, suffix: suffix?.toUpperCase(), position: i });
      i += match[0].length;
    } else if (IDENTIFIER_START.test(char)) {
      let end = i + 1;
      while (end < source.length && IDENTIFIER_PART.test(source[end])) end++;
      const word = source.slice(i, end);
      const lower = word.toLowerCase();
      if (source[end] === "'" && (lower === "guid" || lower === "datetime" || lower === "datetimeoffset")) {
        const { text, next } = readQuoted(source, end);
        tokens.push({ kind: lower === "guid" ? "guid" : "datetime", text, position: i });
        i = next;
      } else {
        tokens.push({ kind: "identifier", text: word, position: i });
        i = end;
      }
    } else {
      throw syntaxError();
    }
  }
  tokens.push({ kind: "end", text: "", position: source.length });
  return tokens;
}
