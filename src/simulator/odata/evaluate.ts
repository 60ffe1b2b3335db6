/**
 * Evaluates a parsed `$filter` against one row. Text comparisons ignore case, as Exact's SQL Server
 * collation does (assumption: no source shows a case-sensitive match). Null compares equal only to null.
 */
import type { FilterNode } from "./filter";
import type { Row } from "./schema";

type Value = string | number | boolean | null;

function fold(value: Value): Value {
  return typeof value === "string" ? value.toLocaleLowerCase("nl-NL") : value;
}

function compare(op: string, left: Value, right: Value): boolean {
  if (left === null || right === null) {
    if (op === "eq") return left === right;
    if (op === "ne") return left !== right;
    return false;
  }
  const a = fold(left) as string | number | boolean;
  const b = fold(right) as string | number | boolean;
  switch (op) {
    case "eq":
      return a === b;
    case "ne":
      return a !== b;
    case "gt":
      return a > b;
    case "ge":
      return a >= b;
    case "lt":
      return a < b;
    case "le":
      return a <= b;
    default:
      return false;
  }
}

function callFunction(name: string, args: Value[]): Value {
  const [first, second] = args;
  if (args.some((arg) => arg === null)) return name === "substringof" || name.endsWith("with") ? false : null;
  const text = (value: Value) => String(value).toLocaleLowerCase("nl-NL");
  switch (name) {
    case "substringof":
      return text(second).includes(text(first));
    case "startswith":
      return text(first).startsWith(text(second));
    case "endswith":
      return text(first).endsWith(text(second));
    case "tolower":
      return String(first).toLowerCase();
    case "toupper":
      return String(first).toUpperCase();
    case "trim":
      return String(first).trim();
    case "length":
      return String(first).length;
    case "year":
      return new Date(first as number).getUTCFullYear();
    case "month":
      return new Date(first as number).getUTCMonth() + 1;
    case "day":
      return new Date(first as number).getUTCDate();
    default:
      return null;
  }
}

export function evaluate(node: FilterNode, row: Row): Value {
  switch (node.kind) {
    case "literal":
      return node.value;
    case "field":
      return row[node.name] ?? null;
    case "call":
      return callFunction(
        node.name,
        node.args.map((arg) => evaluate(arg, row)),
      );
    case "not":
      return evaluate(node.operand, row) !== true;
    case "logical":
      return node.op === "and"
        ? evaluate(node.left, row) === true && evaluate(node.right, row) === true
        : evaluate(node.left, row) === true || evaluate(node.right, row) === true;
    case "compare":
      return compare(node.op, evaluate(node.left, row), evaluate(node.right, row));
  }
}

export function matches(node: FilterNode | null, row: Row): boolean {
  return node === null || evaluate(node, row) === true;
}
