/*
 * notice.html: a ribbon button's message in an Office dialog, for when the task pane cannot be shown
 * (ribbonNotice.ts). Its address carries codes only (noticeMessage.ts): every word shown comes from the
 * add-in's catalogue, in the add-in's language (known for sure once Office is ready), set as text.
 */
import { addinLanguage, addinStrings } from "../i18n";
import { messageParent } from "../office/dialogs";
import { officeReady } from "../office/environment";
import { noticeFromQuery, noticeTexts } from "./noticeMessage";

const notice = noticeFromQuery(window.location.search);
const title = document.getElementById("title");
const text = document.getElementById("text");
const closeButton = document.getElementById("close");

function render(): void {
  const s = addinStrings();
  document.documentElement.lang = addinLanguage();
  document.title = s.appTitle;
  const shown = notice ? noticeTexts(s, notice) : { title: s.appTitle, text: "" };
  if (title) title.textContent = shown.title;
  if (text) text.textContent = shown.text;
  if (closeButton) closeButton.textContent = s.close;
}

render();
closeButton?.addEventListener("click", () => {
  if (!messageParent("close", window.location.origin)) window.close();
});
void officeReady().then(render);
