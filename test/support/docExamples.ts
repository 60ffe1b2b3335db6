/**
 * Finds the `=EOL.…` examples in Markdown and turns each into calls: function id plus argument values,
 * parsed as Excel would (numbers, "texts", TRUE/FALSE, empty arguments, cell references).
 */
import fs from "node:fs";
import path from "node:path";
import { FUNCTION_CATALOGUE } from "../../src/shared/functions/catalogue";

export type Argument =
  | { kind: "value"; value: string | number | boolean }
  | { kind: "empty" }
  | { kind: "reference"; ref: string };

export interface ExampleCall {
  /** The function id after `EOL.`, e.g. ROLEHOLDERS. */
  id: string;
  args: Argument[];
  /** The call as written. */
  text: string;
}

export interface Example {
  file: string;
  line: number;
  formula: string;
  calls: ExampleCall[];
}

/** Inline code spans and fenced code lines that start with `=` and use EOL. */
function formulas(markdown: string): Array<{ line: number; formula: string }> {
  const found: Array<{ line: number; formula: string }> = [];
  markdown.split("\n").forEach((text, index) => {
    for (const match of text.matchAll(/`(=[^`]*EOL\.[^`]*)`/g))
      found.push({ line: index + 1, formula: match[1] });
    const fenced = /^\s*(=\S.*EOL\..*)$/.exec(text);
    if (fenced && !text.includes("`")) found.push({ line: index + 1, formula: fenced[1].trim() });
  });
  return found;
}

/** A signature (`=EOL.USERS([division], [headers])`) documents a function; it is not an example. */
function isSignature(formula: string): boolean {
  return /\[[A-Za-z]/.test(formula);
}

/** The text between the parenthesis at `open` and its match, respecting "quoted" texts. */
function argumentText(formula: string, open: number): string {
  let depth = 0;
  let quoted = false;
  for (let i = open; i < formula.length; i += 1) {
    const char = formula[i];
    if (char === '"') quoted = !quoted;
    if (quoted) continue;
    if (char === "(") depth += 1;
    if (char === ")" && (depth -= 1) === 0) return formula.slice(open + 1, i);
  }
  throw new Error(`Unbalanced parentheses in ${formula}`);
}

function splitArguments(text: string): string[] {
  if (text.trim() === "") return [];
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    if (char === "," && !quoted) {
      parts.push(current);
      current = "";
    } else current += char;
  }
  parts.push(current);
  return parts.map((part) => part.trim());
}

export function parseArgument(raw: string): Argument {
  if (raw === "") return { kind: "empty" };
  if (/^"(?:[^"]|"")*"$/.test(raw)) return { kind: "value", value: raw.slice(1, -1).replace(/""/g, '"') };
  if (/^-?\d+(\.\d+)?$/.test(raw)) return { kind: "value", value: Number(raw) };
  if (/^(TRUE|FALSE)$/i.test(raw)) return { kind: "value", value: raw.toUpperCase() === "TRUE" };
  if (/^\$?[A-Z]{1,3}\$?\d+(:\$?[A-Z]{1,3}\$?\d+)?$/.test(raw)) return { kind: "reference", ref: raw };
  throw new Error(`Cannot run the argument ${raw}: use a number, a "text", TRUE/FALSE or a cell reference`);
}

/** A function's id by its English or Dutch name (the docs show Dutch examples too). */
const ID_BY_NAME = new Map(
  FUNCTION_CATALOGUE.flatMap((doc) => [[doc.name.en, doc.id] as const, [doc.name.nl, doc.id] as const]),
);

export function parseFormula(formula: string): ExampleCall[] {
  const calls: ExampleCall[] = [];
  for (const match of formula.matchAll(/EOL\.([A-Z][A-Z0-9_.]*)\(/g)) {
    const open = match.index + match[0].length - 1;
    const inner = argumentText(formula, open);
    calls.push({
      id: ID_BY_NAME.get(match[1]) ?? match[1],
      args: splitArguments(inner).map(parseArgument),
      text: `EOL.${match[1]}(${inner})`,
    });
  }
  return calls;
}

export function examplesIn(files: string[], root: string): Example[] {
  return files.flatMap((file) =>
    formulas(fs.readFileSync(path.join(root, file), "utf8"))
      .filter(({ formula }) => !isSignature(formula))
      .map(({ line, formula }) => ({ file, line, formula, calls: parseFormula(formula) })),
  );
}
