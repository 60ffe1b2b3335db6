/**
 * What kind of failure stopped a gateway that passed the preflight checks (a port taken meanwhile, a
 * second process winning the data directory, an unreadable certificate): its exit code and advice.
 */
import type { GatewayConfig } from "../config/config";
import { StartupFailure } from "./exitCodes";
import { checkDataDirLock, dataDirProblem, errnoOf, messageOf, portProblem, tlsProblem } from "./preflight";

const FILE_ERRORS = new Set(["EACCES", "EPERM", "EROFS", "ENOTDIR", "ENOSPC", "ENOENT", "EISDIR"]);

/** The start failure as a StartupFailure, or null when it is none of the known kinds (exit code 1). */
export function classifyStartFailure(error: unknown, config: GatewayConfig): StartupFailure | null {
  if (error instanceof StartupFailure) return error;
  const port = portProblem(error, config);
  if (port) return port;
  const errno = errnoOf(error);
  const file = errno?.path;
  if (file && (file === config.tlsCertFile || file === config.tlsKeyFile)) return tlsProblem(error, config);
  if (errno?.code?.startsWith("ERR_OSSL")) return tlsProblem(error, config);
  if (file && errno?.code && FILE_ERRORS.has(errno.code) && file.startsWith(config.dataDir)) {
    return dataDirProblem(error, config.dataDir);
  }
  // The store refuses a data directory another process holds; asking the lock again tells that apart
  // from any other refusal without depending on the message's words.
  if (!config.databaseUrl) {
    try {
      checkDataDirLock(config);
    } catch (lockFailure) {
      if (lockFailure instanceof StartupFailure && lockFailure.kind === "dataDirLocked") {
        return new StartupFailure("dataDirLocked", messageOf(error));
      }
    }
  }
  return null;
}
