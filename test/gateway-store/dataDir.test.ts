/**
 * SQLite mode: one gateway process per data directory (a second one is refused with a clear error),
 * and processes starting at once agree on one generated key instead of crashing.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { DATA_DIR_LOCK } from "../../src/gateway/store/openStore";
import { SECRET_KEY_FILE } from "../../src/gateway/crypto/secretBox";
import { startTestGateway } from "../support/gateway";

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, "../..");
const tsx = (args: string[], env: Record<string, string> = {}) =>
  run(process.execPath, ["--import", "tsx", ...args], { cwd: ROOT, env: { ...process.env, ...env } });

const tempDir = (): string => fs.mkdtempSync(path.join(os.tmpdir(), "eol-datadir-"));

test("a second gateway on the same data directory is refused, naming EOL_DATA_DIR and EOL_DATABASE_URL", async () => {
  const first = await startTestGateway({ EOL_DEMO: "0" });
  try {
    await expect(startTestGateway({ EOL_DEMO: "0" }, { dataDir: first.dataDir })).rejects.toThrow(
      new RegExp(`EOL_DATA_DIR=${first.dataDir}.*EOL_DATABASE_URL`),
    );
    // The first one keeps serving.
    expect((await fetch(`${first.url}/healthz`)).status).toBe(200);
  } finally {
    await first.close();
  }
  expect(fs.existsSync(path.join(first.dataDir, DATA_DIR_LOCK))).toBe(false);
  const again = await startTestGateway({ EOL_DEMO: "0" }, { dataDir: first.dataDir });
  await again.close();
});

test("npm start as a second process on the data directory exits with that message", async () => {
  const first = await startTestGateway({ EOL_DEMO: "0" });
  try {
    const second = tsx(["src/gateway/main.ts"], {
      EOL_DATA_DIR: first.dataDir,
      EOL_HTTP: "1",
      HOST: "127.0.0.1",
      PORT: "0",
      EOL_DEMO: "0",
    });
    await expect(second).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/Another gateway process is using EOL_DATA_DIR=.*EOL_DATABASE_URL/),
    });
  } finally {
    await first.close();
  }
}, 60_000);

test("processes creating the key at the same moment all end up with the same key", async () => {
  const dir = tempDir();
  const keys = await Promise.all(
    Array.from({ length: 6 }, () =>
      tsx(["test/gateway-store/support/loadKey.ts", dir]).then((out) => out.stdout),
    ),
  );
  expect(keys[0]).toMatch(/^[0-9a-f]{64}$/);
  expect(new Set(keys)).toEqual(new Set([keys[0]]));
  expect(fs.readFileSync(path.join(dir, SECRET_KEY_FILE), "utf8").trim()).toBe(keys[0]);
  expect(fs.readdirSync(dir)).toEqual([SECRET_KEY_FILE]);
}, 60_000);
