/*
 * sign-in.html: the sign-in window's first page (signInBridge.ts says why it exists). It says "Opening
 * Exact Online…" in the add-in's language, waits for Office.js, then replaces itself with the gateway's
 * start address (replace: Back never returns to it).
 */
import { addinLanguage, addinStrings } from "../i18n";
import { officeReady } from "../office/environment";
import { continueWhenReady } from "./signInBridge";

function render(): void {
  const s = addinStrings();
  document.documentElement.lang = addinLanguage();
  document.title = s.signInWindowTitle;
  const title = document.getElementById("title");
  if (title) title.textContent = s.signInOpening;
}

render();
void continueWhenReady(
  window.location.search,
  async () => {
    await officeReady();
    render();
  },
  (next) => window.location.replace(next),
);
