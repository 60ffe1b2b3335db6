/**
 * The configuration, or every wrong variable and exit code 2: npm start's prestart (before the build)
 * and main.ts load it through here. Run alone (`tsx src/gateway/startup/checkConfig.ts`) it checks
 * the variables only.
 */
import { ConfigError, loadConfig, type GatewayConfig } from "../config/config";
import { EXIT_CODES } from "./exitCodes";

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
