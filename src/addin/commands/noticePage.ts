/*
 * notice.html: a ribbon button's message in an Office dialog, for when the task pane cannot be shown
 * (ribbonNotice.ts). The text comes from the query and is only ever set as text, never as HTML; the
 * page's own words (default title, the button) follow the add-in's language, known for sure once
 * Office is ready.
 */
import { addinLanguage, addinStrings } from "../i18n";
import { messageParent } from "../office/dialogs";
import { officeReady } from "../office/environment";

const query = new URLSearchParams(window.location.search);
const title = document.getElementById("title");
const text = document.getElementById("text");
const closeButton = document.getElementById("close");

function render(): void {
  const s = addinStrings();
  document.documentElement.lang = addinLanguage();
  document.title = s.appTitle;
  if (title) title.textContent = query.get("title") || s.appTitle;
  if (text) text.textContent = query.get("text") || "";
  if (closeButton) closeButton.textContent = s.close;
}

render();
closeButton?.addEventListener("click", () => {
  if (!messageParent("close", window.location.origin)) window.close();
});
void officeReady().then(render);
