/**
 * `npm start`'s first step (with tsx, before anything is built): the configuration, the TLS files, the
 * database, the data directory and its lock, and the port are checked in seconds, then only what is
 * older than its sources is built. Every failure exits with its own code (startup/exitCodes.ts).
 */
import path from "node:path";
import { loadConfigOrExit } from "./checkConfig";
import type { GatewayConfig } from "../config/config";
import { buildIfStale, type BuildOutput } from "./buildFreshness";
import { EXIT_CODES, exitWith, StartupFailure } from "./exitCodes";
import { checkDatabase, checkDataDir, checkDataDirLock, checkPortFree, checkTlsFiles } from "./preflight";

const ROOT = path.resolve(__dirname, "..", "..", "..");

/** Every check, then the build of what is stale; throws the first StartupFailure. */
export async function prestart(config: GatewayConfig, root = ROOT, output?: BuildOutput): Promise<void> {
  checkTlsFiles(config);
  await checkDatabase(config);
  checkDataDir(config);
  checkDataDirLock(config);
  await checkPortFree(config);
  if (!buildIfStale(root, output)) {
    throw new StartupFailure(
      "build",
      "The build failed (its errors are above); fix them and run npm start again.",
    );
  }
}

if (require.main === module) {
  prestart(loadConfigOrExit()).catch((error: unknown) => {
    if (error instanceof StartupFailure) exitWith(error);
    const message = error instanceof Error ? error.message : String(error);
    console.error(`EOL gateway not started (exit code ${EXIT_CODES.unexpected}). ${message}`);
    process.exit(EXIT_CODES.unexpected);
  });
}
