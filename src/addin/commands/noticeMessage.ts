/**
 * What a ribbon message says, as codes: the button it is about, whether its action failed, an error
 * code, whether to point at the task pane. notice.html receives only these in its address and takes
 * every word from the add-in's catalogue, so a link to it can never make it show someone else's text.
 */
import { errorText, type Strings } from "../i18n";
import { en } from "../i18n/en";

export type RibbonButton = keyof Strings["ribbonButtons"];

export interface Notice {
  /** The ribbon button it is about: its label is the title. */
  button: RibbonButton;
  /** The button's action failed: the title says "…: not done". */
  failed?: boolean;
  /** An error code (the gateway's, the add-in's or an Office dialog's): its catalogue text is shown. */
  code?: string;
  /** Ends with where to sign in (the task pane). */
  openPane?: boolean;
}

const isButton = (value: string | null): value is RibbonButton =>
  value !== null && Object.hasOwn(en.ribbonButtons, value);

/** A code the catalogue has a text for (every language has the same codes), or an Office dialog error. */
const isKnownCode = (value: string | null): value is string =>
  value !== null && (Object.hasOwn(en.errors, value) || /^\d{5}$/.test(value));

export function noticeQuery(notice: Notice): URLSearchParams {
  const query = new URLSearchParams({ button: notice.button });
  if (notice.failed) query.set("failed", "1");
  if (notice.code) query.set("code", notice.code);
  if (notice.openPane) query.set("pane", "1");
  return query;
}

/** The notice in notice.html's address; unknown buttons and codes are left out, never shown. */
export function noticeFromQuery(search: string): Notice | null {
  const query = new URLSearchParams(search);
  const button = query.get("button");
  if (!isButton(button)) return null;
  const code = query.get("code");
  return {
    button,
    failed: query.get("failed") === "1",
    code: isKnownCode(code) ? code : undefined,
    openPane: query.get("pane") === "1",
  };
}

/** The title and text in the given language. */
export function noticeTexts(s: Strings, notice: Notice): { title: string; text: string } {
  const label = s.ribbonButtons[notice.button];
  const parts = [notice.code ? errorText(s, notice.code) : notice.failed ? s.somethingWentWrong : ""];
  if (notice.openPane) parts.push(s.openPaneToSignIn);
  return {
    title: notice.failed ? s.notDone(label) : label,
    text: parts.filter((part) => part !== "").join(" "),
  };
}

/** The error code of a failed action (the gateway's, or the add-in's own), if it has one. */
export function errorCodeOf(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null || !("code" in error)) return undefined;
  return typeof error.code === "string" ? error.code : undefined;
}
