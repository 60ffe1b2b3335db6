/**
 * What each ribbon button does, keyed by the manifest's <FunctionName>. The task pane calls the same
 * functions, so there is one implementation of every action.
 */
export async function showTaskpane(): Promise<void> {
  await Office.addin.showAsTaskpane();
}

/** Marks every cell dirty and recalculates, so non-volatile EOL functions run again (Ctrl+Alt+F9). */
export async function recalculateWorkbook(): Promise<void> {
  await Excel.run(async (context) => {
    context.workbook.application.calculate(Excel.CalculationType.full);
    await context.sync();
  });
}

export const RIBBON_COMMANDS = {
  showTaskpane,
  refreshAll: recalculateWorkbook,
  // Until their own implementations land these open the task pane, where the action lives.
  signIn: showTaskpane,
  signOut: showTaskpane,
  clearCache: showTaskpane,
  insertDivisionsSheet: showTaskpane,
  insertRoleAuditSheet: showTaskpane,
} satisfies Record<string, () => Promise<void>>;

export type RibbonCommandId = keyof typeof RIBBON_COMMANDS;
