/** Loaded lazily by index.tsx: React, Fluent UI and the pane live in their own chunk. */
import { createRoot } from "react-dom/client";
import type { HostInfo } from "../office/environment";
import { App } from "./App";
import { initialLanguage, initialTheme } from "./preferences";
import { defaultServices } from "./services";

export function mount(container: HTMLElement, host: HostInfo): void {
  createRoot(container).render(
    <App
      services={defaultServices(host.inOffice)}
      initialLanguage={initialLanguage()}
      initialTheme={initialTheme()}
    />,
  );
}
