import { createRoot } from "react-dom/client";
import { officeReady } from "../office";
import { App } from "./App";

async function main(): Promise<void> {
  const container = document.getElementById("container");
  if (!container) return;
  const host = await officeReady();
  createRoot(container).render(<App host={host} />);
}

void main();
