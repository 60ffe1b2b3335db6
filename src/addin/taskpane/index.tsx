/*
 * Task pane entry. Kept tiny because it loads with the shared runtime (functions + commands): the
 * React UI is fetched as a separate chunk only when the pane is actually shown.
 */
import { officeReady } from "../office/environment";

async function main(): Promise<void> {
  // Excel may also run the runtime's script without a page (see ../runtime.ts): no pane then.
  if (typeof document === "undefined") return;
  const container = document.getElementById("container");
  if (!container) return;
  const host = await officeReady();
  const { mount } = await import(/* webpackChunkName: "taskpane-ui" */ "./mount");
  mount(container, host);
}

void main();
