/* Entry point of `npm start`: read the configuration, start the gateway, print how to use it. */
import fs from "node:fs";
import path from "node:path";
import { loadConfigOrExit } from "./startup/checkConfig";
import { startGateway } from "./start";
import { startupBanner } from "./server/banner";
import { installShutdown } from "./server/shutdown";
import { EXIT_CODES, exitWith } from "./startup/exitCodes";
import {
  checkBuilt,
  checkDatabase,
  checkDataDir,
  checkDataDirLock,
  checkTlsFiles,
} from "./startup/preflight";
import { classifyStartFailure } from "./startup/startFailure";

const SHUTDOWN_MARGIN_MS = 5_000;

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  try {
    // Again here: systemd and the like start this file without npm's prestart.
    checkBuilt(config);
    checkTlsFiles(config);
    await checkDatabase(config);
    checkDataDir(config);
    checkDataDirLock(config);
    const running = await startGateway(config);
    const manifestPath = path.join(running.config.dataDir, "manifest.xml");
    fs.mkdirSync(running.config.dataDir, { recursive: true });
    fs.writeFileSync(manifestPath, running.manifest);
    console.log(startupBanner(running.config, manifestPath, running.devCaPath));
    // A request may wait for Exact up to its time-out (and a refresh must still reach the store).
    installShutdown(running, running.config.exactTimeoutMs + SHUTDOWN_MARGIN_MS);
  } catch (error) {
    const failure = classifyStartFailure(error, config);
    if (!failure) throw error;
    exitWith(failure);
  }
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`EOL gateway not started (exit code ${EXIT_CODES.unexpected}). ${message}`);
  process.exit(EXIT_CODES.unexpected);
});
