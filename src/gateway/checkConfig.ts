/**
 * Configuration check: `npm start` runs it (with tsx) before the build, so a wrong variable costs
 * seconds, not a whole build. main.ts uses the same function.
 */
import { ConfigError, loadConfig, type GatewayConfig } from "./config";

/** The configuration, or every problem printed (one per line) and exit code 2. */
export function loadConfigOrExit(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  try {
    return loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`EOL gateway not started. Configuration errors:\n${error.message}`);
    process.exit(2);
  }
}

/** A start-up failure the user can fix, said with the variable to change; null for anything else. */
export function startFailureAdvice(error: unknown, config: GatewayConfig): string | null {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === "EADDRINUSE") {
    return `PORT: port ${config.port} on ${config.host} is already in use; stop the other program or set PORT to a free port (0 picks one).`;
  }
  if (code === "EACCES" || code === "EPERM" || code === "EROFS" || code === "ENOTDIR" || code === "ENOSPC") {
    const where = (error as NodeJS.ErrnoException).path ?? config.dataDir;
    return `EOL_DATA_DIR: cannot write ${where} (${code}); give this user write access to ${config.dataDir} or set EOL_DATA_DIR to a writable folder.`;
  }
  return null;
}

if (require.main === module) {
  loadConfigOrExit();
  console.log("Configuration OK.");
}
