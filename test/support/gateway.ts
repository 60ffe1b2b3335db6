/** Starts a real gateway on a free loopback port over plain HTTP, for integration tests. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadConfig } from "../../src/gateway/config";
import { startGateway, type RunningGateway } from "../../src/gateway/start";

export async function startTestGateway(
  env: Record<string, string> = {},
): Promise<RunningGateway & { dataDir: string }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "eol-gw-"));
  const config = loadConfig({
    PORT: "0",
    HOST: "127.0.0.1",
    EOL_HTTP: "1",
    LOG_LEVEL: "silent",
    EOL_DATA_DIR: dataDir,
    ...env,
  });
  const running = await startGateway(config);
  return { ...running, dataDir };
}
