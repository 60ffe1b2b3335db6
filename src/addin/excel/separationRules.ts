/**
 * The Access review sheet's editable "Separation rules" table: which role pairs must not be held
 * together (the organisation's policy, typed by the user; there is no built-in list). Each review sheet
 * gets its own copy of the rules it used, named after the sheet, and the workbook's document settings
 * remember the latest one, so the next review reads the rules as the user left them — the rows
 * feed that review's conflicts table. A first review gets an empty table with an example row
 * commented out ("#").
 */
import type { Column } from "../../shared/api";
import { parseSodRules, type SodRule } from "../../shared/rules/sodRules";
import type { Strings } from "../i18n";
import { readDocumentSetting, saveDocumentSetting } from "../office/documentSettings";
import type { WorkbookContext } from "../office/workbook";
import type { SheetSection } from "./writeTableSheet";

export const SEPARATION_RULES_SETTING = "eol.separationRulesTable";

/** "Access review (3)" → "SeparationRules3": unique as the sheet's name is, and a valid table name. */
export function separationRulesTableName(sheetName: string): string {
  const number = /\((\d+)\)\s*$/.exec(sheetName)?.[1];
  return `SeparationRules${number ?? ""}`;
}

const RULE_TYPES: Column["type"][] = ["number", "number", "string"];

/** The rules as a sheet section: the rules used, or the commented-out example when there are none. */
export function separationRulesSection(
  rules: readonly SodRule[],
  tableName: string,
  sheets: Strings["sheets"],
): SheetSection {
  const columns = sheets.separationRuleColumns.map((name, index) => ({ name, type: RULE_TYPES[index] }));
  const rows =
    rules.length > 0
      ? rules.map((rule) => [rule.roleA, rule.roleB, rule.name])
      : [[...sheets.separationRuleExample]];
  return { title: sheets.separationRules, columns, rows, tableName };
}

/**
 * The rules in the latest review sheet's table, as the user edited them; none when the workbook has no
 * review yet or that table is gone. A bad row rejects with a message naming it.
 */
export async function readSeparationRules(
  context: WorkbookContext,
  sheets: Strings["sheets"],
): Promise<SodRule[]> {
  const name = readDocumentSetting(SEPARATION_RULES_SETTING);
  if (typeof name !== "string" || name === "") return [];
  const table = context.workbook.tables.getItemOrNullObject(name);
  await context.sync();
  if (table.isNullObject) return [];
  const body = table.getDataBodyRange();
  body.load("values");
  await context.sync();
  const parsed = parseSodRules(body.values);
  if (!parsed.ok) throw new Error(sheets.badSeparationRules(parsed.message));
  return parsed.rules;
}

/** Remembers the new sheet's rules table as the one the next review reads. */
export function rememberSeparationRules(tableName: string): Promise<void> {
  return saveDocumentSetting(SEPARATION_RULES_SETTING, tableName);
}
