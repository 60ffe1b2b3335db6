/**
 * What each ribbon button does, keyed by the manifest's <FunctionName>. The task pane calls the same
 * functions (actions.ts, signInActions.ts), so there is one implementation of every action.
 */
import { showTaskpane } from "../office/ribbon";
import { signIn, signOut } from "./signInActions";
import {
  clearCache,
  insertAccessReviewSheet,
  insertDivisionsSheet,
  insertRoleAuditSheet,
  refreshAll,
} from "./actions";
import { signOffAccessReview } from "./signOff";

export const RIBBON_COMMANDS = {
  showTaskpane,
  refreshAll,
  signIn,
  signOut,
  clearCache,
  insertDivisionsSheet,
  // The ribbon audits every role in the current division; the task pane offers the options.
  insertRoleAuditSheet: () => insertRoleAuditSheet(),
  // Role 274 over every division; the task pane offers the options.
  insertAccessReviewSheet: () => insertAccessReviewSheet(),
  // The decisions on the active Access review sheet, recorded by the gateway.
  signOffAccessReview,
} satisfies Record<string, () => Promise<unknown>>;

export type RibbonCommandId = keyof typeof RIBBON_COMMANDS;
