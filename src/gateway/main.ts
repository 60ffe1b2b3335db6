/* Entry point of `npm start`: read the configuration, start the gateway, print how to use it. */
import fs from "node:fs";
import path from "node:path";
import { loadConfigOrExit, startFailureAdvice } from "./checkConfig";
import { startGateway } from "./start";
import { startupBanner } from "./banner";
import { installShutdown } from "./shutdown";

const SHUTDOWN_MARGIN_MS = 5_000;

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  try {
    const running = await startGateway(config);
    const manifestPath = path.join(running.config.dataDir, "manifest.xml");
    fs.mkdirSync(running.config.dataDir, { recursive: true });
    fs.writeFileSync(manifestPath, running.manifest);
    console.log(startupBanner(running.config, manifestPath, running.devCaPath));
    // A request may wait for Exact up to its time-out (and a refresh must still reach the store).
    installShutdown(running, running.config.exactTimeoutMs + SHUTDOWN_MARGIN_MS);
  } catch (error) {
    const advice = startFailureAdvice(error, config);
    if (!advice) throw error;
    console.error(`EOL gateway not started. ${advice}`);
    process.exit(2);
  }
}

main().catch((error: unknown) => {
  console.error("EOL gateway failed to start:", error instanceof Error ? error.message : error);
  process.exit(1);
});
