/*
 * notice.html: a ribbon button's message in an Office dialog, for when the task pane cannot be shown
 * (ribbonNotice.ts). The text comes from the query and is only ever set as text, never as HTML.
 */
const query = new URLSearchParams(window.location.search);
const title = document.getElementById("title");
const text = document.getElementById("text");
const closeButton = document.getElementById("close");
if (title) title.textContent = query.get("title") || "EOL for Excel";
if (text) text.textContent = query.get("text") || "";
closeButton?.addEventListener("click", () => {
  if (typeof Office !== "undefined" && Office.context?.ui?.messageParent) {
    Office.context.ui.messageParent("close", { targetOrigin: window.location.origin });
  } else {
    window.close();
  }
});
if (typeof Office !== "undefined") void Office.onReady();
