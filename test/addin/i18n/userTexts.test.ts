/**
 * The ribbon's code, the sheet writers and the dialog pages say nothing to the user in words of their
 * own: every sentence comes from the i18n catalogue (English and Dutch). Checked on the TypeScript
 * syntax tree, so comments, identifiers and developer log lines (console.*) do not count; a string of
 * two or more words does.
 */
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";

const ROOT = path.join(__dirname, "../../..");
const SOURCES = [
  "src/addin/commands",
  "src/addin/excel",
  "src/addin/commands/signInActions.ts",
  "src/addin/auth/dialogPage.ts",
  "src/addin/auth/signInStart.ts",
];
const PAGES = [
  "src/addin/commands/notice.html",
  "src/addin/auth/auth-complete.html",
  "src/addin/auth/sign-in.html",
];

const WORDS = /[A-Za-z]{2,} [A-Za-z]{2,}/;

function isConsoleArgument(node: ts.Node): boolean {
  for (let at: ts.Node | undefined = node; at; at = at.parent) {
    if (ts.isCallExpression(at)) {
      const callee = at.expression;
      if (ts.isPropertyAccessExpression(callee) && callee.expression.getText() === "console") return true;
    }
  }
  return false;
}

/** The string and template pieces of `source` that read as words, outside console.* calls. */
export function wordyLiterals(fileName: string, source: string): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    // A template's words may sit on both sides of a substitution: `Writing ${n} rows` reads "Writing rows".
    const text = ts.isTemplateExpression(node)
      ? [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join("").replace(/\s+/g, " ")
      : ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)
        ? node.text
        : null;
    if (
      text !== null &&
      WORDS.test(text) &&
      !ts.isImportDeclaration(node.parent) &&
      !ts.isExportDeclaration(node.parent) &&
      !isConsoleArgument(node)
    ) {
      found.push(text);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

function sourceFiles(): string[] {
  return SOURCES.flatMap((entry) => {
    const full = path.join(ROOT, entry);
    if (!fs.statSync(full).isDirectory()) return [full];
    return fs
      .readdirSync(full)
      .filter((name) => /\.tsx?$/.test(name))
      .map((name) => path.join(full, name));
  });
}

test("the check finds a sentence, and leaves log lines, imports and one-word strings alone", () => {
  const sample = [
    'import { x } from "../some module";',
    "console.error(`EOL ribbon command ${id} failed`, error);",
    'const key = "paneVisibility"; const op = "refresh-all";',
    'throw new Error("Needs Excel: open the pane");',
    "step(`Writing ${rows} rows`);",
  ].join("\n");
  expect(wordyLiterals("sample.ts", sample)).toEqual(["Needs Excel: open the pane", "Writing rows"]);
});

test("commands/, excel/ and the dialog pages' scripts contain no user-facing words of their own", () => {
  const files = sourceFiles();
  expect(files.length).toBeGreaterThanOrEqual(12);
  const found = files.flatMap((file) =>
    wordyLiterals(file, fs.readFileSync(file, "utf8")).map((text) => `${path.relative(ROOT, file)}: ${text}`),
  );
  expect(found).toEqual([]);
});

test("the dialog and notice pages' HTML has no words of its own: their scripts fill them in", () => {
  for (const page of PAGES) {
    const html = fs.readFileSync(path.join(ROOT, page), "utf8");
    const body = html
      .slice(html.indexOf("<body"))
      .replace(/<!--[\s\S]*?-->/g, " ")
      .replace(/<[^>]+>/g, " ");
    expect({ page, words: body.match(new RegExp(WORDS.source, "g")) ?? [] }).toEqual({ page, words: [] });
  }
});
