/**
 * Recursive-descent parser and type checker for OData v2 `$filter`:
 *   or := and ("or" and)* ; and := unary ("and" unary)* ; unary := "not" unary | comparison
 *   comparison := primary (("eq"|"ne"|"gt"|"ge"|"lt"|"le") primary)?
 *   primary := "(" or ")" | literal | function "(" args ")" | field
 * Literals: 'text' ('' escapes a quote), 12, 12L, 1.5, 1.5M, guid'…', datetime'…', true, false, null.
 */
import { ODataError, syntaxError } from "./errors";
import { tokenize, type Token } from "./lexer";
import { clrName, isNumeric, type EdmType, type EntitySchema } from "./schema";

export type ValueType = "String" | "Number" | "Guid" | "DateTime" | "Boolean" | "Null";
export type Comparison = "eq" | "ne" | "gt" | "ge" | "lt" | "le";

export type FilterNode =
  | { kind: "literal"; type: ValueType; value: string | number | boolean | null; clr: string }
  | { kind: "field"; name: string; type: ValueType; clr: string }
  | { kind: "call"; name: string; args: FilterNode[]; type: ValueType; clr: string }
  | { kind: "not"; operand: FilterNode; type: "Boolean"; clr: string }
  | { kind: "logical"; op: "and" | "or"; left: FilterNode; right: FilterNode; type: "Boolean"; clr: string }
  | { kind: "compare"; op: Comparison; left: FilterNode; right: FilterNode; type: "Boolean"; clr: string };

const COMPARISONS = new Set(["eq", "ne", "gt", "ge", "lt", "le"]);
/** Operators cannot stand where a value is expected. */
const RESERVED = new Set([...COMPARISONS, "and", "or", "not", "add", "sub", "mul", "div", "mod"]);
const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const DATETIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?)?Z?$/;

/** Functions: argument types and result type. */
const FUNCTIONS: Record<string, { args: ValueType[]; result: ValueType }> = {
  substringof: { args: ["String", "String"], result: "Boolean" },
  startswith: { args: ["String", "String"], result: "Boolean" },
  endswith: { args: ["String", "String"], result: "Boolean" },
  tolower: { args: ["String"], result: "String" },
  toupper: { args: ["String"], result: "String" },
  trim: { args: ["String"], result: "String" },
  length: { args: ["String"], result: "Number" },
  year: { args: ["DateTime"], result: "Number" },
  month: { args: ["DateTime"], result: "Number" },
  day: { args: ["DateTime"], result: "Number" },
};

function valueType(type: EdmType): ValueType {
  if (isNumeric(type)) return "Number";
  if (type === "Edm.Guid") return "Guid";
  if (type === "Edm.DateTime") return "DateTime";
  if (type === "Edm.Boolean") return "Boolean";
  return "String";
}

function parseDateTime(text: string, position: number): number {
  const match = DATETIME.exec(text);
  const fail = () =>
    new ODataError(400, `Unrecognized 'Edm.DateTime' literal 'datetime'${text}'' in '${position}'.`);
  if (!match) throw fail();
  const [, y, mo, d, h = "0", mi = "0", s = "0", fraction = "0"] = match;
  const ms = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s, Math.floor(Number(`0.${fraction}`) * 1000));
  const check = new Date(ms);
  if (check.getUTCMonth() !== +mo - 1 || check.getUTCDate() !== +d || +h > 23 || +mi > 59 || +s > 59)
    throw fail();
  return ms;
}

class Parser {
  private index = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly entity: EntitySchema,
  ) {}

  parse(): FilterNode {
    const node = this.parseOr();
    if (this.peek().kind !== "end") throw syntaxError();
    if (node.type !== "Boolean") throw syntaxError();
    return node;
  }

  private peek(): Token {
    return this.tokens[this.index];
  }

  private take(): Token {
    return this.tokens[this.index++];
  }

  private isKeyword(word: string): boolean {
    const token = this.peek();
    return token.kind === "identifier" && token.text === word;
  }

  private expect(kind: Token["kind"]): Token {
    const token = this.take();
    if (token.kind !== kind) throw syntaxError();
    return token;
  }

  private parseOr(): FilterNode {
    let left = this.parseAnd();
    while (this.isKeyword("or")) {
      this.take();
      left = this.logical("or", left, this.parseAnd());
    }
    return left;
  }

  private parseAnd(): FilterNode {
    let left = this.parseUnary();
    while (this.isKeyword("and")) {
      this.take();
      left = this.logical("and", left, this.parseUnary());
    }
    return left;
  }

  private logical(op: "and" | "or", left: FilterNode, right: FilterNode): FilterNode {
    if (left.type !== "Boolean" || right.type !== "Boolean") {
      throw new ODataError(
        400,
        `Operator '${op}' incompatible with operand types '${left.clr}' and '${right.clr}'.`,
      );
    }
    return { kind: "logical", op, left, right, type: "Boolean", clr: "System.Boolean" };
  }

  private parseUnary(): FilterNode {
    if (this.isKeyword("not")) {
      this.take();
      const operand = this.parseUnary();
      if (operand.type !== "Boolean") throw syntaxError();
      return { kind: "not", operand, type: "Boolean", clr: "System.Boolean" };
    }
    return this.parseComparison();
  }

  private parseComparison(): FilterNode {
    const left = this.parsePrimary();
    const token = this.peek();
    if (token.kind !== "identifier" || !COMPARISONS.has(token.text)) return left;
    this.take();
    const right = this.parsePrimary();
    const op = token.text as Comparison;
    const compatible =
      left.type === "Null" ||
      right.type === "Null" ||
      (left.type === right.type && (left.type !== "Boolean" || op === "eq" || op === "ne"));
    if (!compatible) {
      throw new ODataError(
        400,
        `Operator '${op}' incompatible with operand types '${left.clr}' and '${right.clr}' at position ${token.position}.`,
      );
    }
    return { kind: "compare", op, left, right, type: "Boolean", clr: "System.Boolean" };
  }

  private parsePrimary(): FilterNode {
    const token = this.take();
    switch (token.kind) {
      case "open": {
        const inner = this.parseOr();
        this.expect("close");
        return inner;
      }
      case "string":
        return { kind: "literal", type: "String", value: token.text, clr: "System.String" };
      case "number": {
        const integer = /^-?\d+$/.test(token.text) && (!token.suffix || token.suffix === "L");
        const value = Number(token.text);
        if (!Number.isFinite(value)) throw syntaxError();
        const clr = integer ? (token.suffix === "L" ? "System.Int64" : "System.Int32") : "System.Decimal";
        return { kind: "literal", type: "Number", value, clr };
      }
      case "guid":
        if (!GUID.test(token.text)) {
          throw new ODataError(
            400,
            `Unrecognized 'Edm.Guid' literal 'guid'${token.text}'' in '${token.position}'.`,
          );
        }
        return { kind: "literal", type: "Guid", value: token.text.toLowerCase(), clr: "System.Guid" };
      case "datetime":
        return {
          kind: "literal",
          type: "DateTime",
          value: parseDateTime(token.text, token.position),
          clr: "System.DateTime",
        };
      case "identifier":
        return this.identifier(token);
      default:
        throw syntaxError();
    }
  }

  private identifier(token: Token): FilterNode {
    if (RESERVED.has(token.text)) throw syntaxError();
    if (token.text === "true" || token.text === "false") {
      return { kind: "literal", type: "Boolean", value: token.text === "true", clr: "System.Boolean" };
    }
    if (token.text === "null") return { kind: "literal", type: "Null", value: null, clr: "null" };
    if (this.peek().kind === "open") return this.call(token);
    const edm = this.entity.fields.get(token.text);
    if (!edm) {
      throw new ODataError(
        400,
        `No property '${token.text}' exists in type '${this.entity.typeName}' at position ${token.position}.`,
      );
    }
    return { kind: "field", name: token.text, type: valueType(edm), clr: clrName(edm) };
  }

  private call(token: Token): FilterNode {
    const signature = FUNCTIONS[token.text];
    if (!signature)
      throw new ODataError(400, `Unknown function '${token.text}' at position ${token.position}.`);
    this.expect("open");
    const args: FilterNode[] = [];
    if (this.peek().kind !== "close") {
      args.push(this.parseOr());
      while (this.peek().kind === "comma") {
        this.take();
        args.push(this.parseOr());
      }
    }
    this.expect("close");
    const fits =
      args.length === signature.args.length &&
      args.every((arg, i) => arg.type === signature.args[i] || arg.type === "Null");
    if (!fits) {
      throw new ODataError(
        400,
        `No applicable function found for '${token.text}' at position ${token.position} with the specified arguments. ` +
          `The functions considered are: ${token.text}(${signature.args.map((a) => `System.${a}`).join(", ")}).`,
      );
    }
    const clr = signature.result === "Number" ? "System.Int32" : `System.${signature.result}`;
    return { kind: "call", name: token.text, args, type: signature.result, clr };
  }
}

/** Parses and type-checks a `$filter` against an entity; throws ODataError with Exact's texts. */
export function parseFilter(source: string, entity: EntitySchema): FilterNode {
  if (source.trim() === "") throw syntaxError();
  return new Parser(tokenize(source), entity).parse();
}

/** How many comparisons a filter holds (`a eq 1 or a eq 2` holds two). */
export function comparisons(node: FilterNode): number {
  switch (node.kind) {
    case "compare":
      return 1;
    case "logical":
      return comparisons(node.left) + comparisons(node.right);
    case "not":
      return comparisons(node.operand);
    default:
      return 0;
  }
}
