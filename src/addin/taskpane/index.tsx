/*
 * Task pane entry. Kept tiny because it loads with the shared runtime (functions + commands): the
 * React UI is fetched as a separate chunk only when the pane is actually shown.
 */
import { officeReady } from "../office";

async function main(): Promise<void> {
  const container = document.getElementById("container");
  if (!container) return;
  const host = await officeReady();
  const { mount } = await import(/* webpackChunkName: "taskpane-ui" */ "./mount");
  mount(container, host);
}

void main();
