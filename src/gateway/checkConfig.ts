/**
 * Configuration check: `npm start` runs it (prestart, with tsx) before the build, so a wrong variable
 * costs seconds, not a whole build. main.ts uses the same function.
 */
import { ConfigError, loadConfig, type GatewayConfig } from "./config";
import { EXIT_CODES } from "./startup/exitCodes";

/** The configuration, or every problem printed (one per line) and exit code 2. */
export function loadConfigOrExit(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  try {
    return loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(
      `EOL gateway not started (exit code ${EXIT_CODES.config}). Configuration errors:\n${error.message}`,
    );
    process.exit(EXIT_CODES.config);
  }
}

if (require.main === module) {
  loadConfigOrExit();
  console.log("Configuration OK.");
}
