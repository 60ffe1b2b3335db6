/**
 * Issue 13 (9): the secret key is checked against the store before a key file is written, a key file
 * other users can read is refused with how to fix it, and store errors name the file.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { DATABASE_FILE } from "../../../src/gateway/store/sqliteStore";
import { buildTestGateway } from "../../support/gateway";

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), "eol-key-"));

/** The checks run while the gateway is built: no socket needed. */
const start = (dataDir: string) => buildTestGateway({ EOL_DEMO: "0" }, { dataDir });

test("a first start writes a 0600 key; a lost key file next to encrypted data is never replaced", async () => {
  const dir = tempDir();
  const keyFile = path.join(dir, "secret.key");
  const first = await start(dir);
  await first.close();
  expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
  fs.rmSync(keyFile);
  await expect(start(dir)).rejects.toThrow(/secret key does not match/);
  // Nothing was written in its place: restoring the original key file still works.
  expect(fs.existsSync(keyFile)).toBe(false);
});

test("a key file other users can read is refused, saying how to fix it", async () => {
  const dir = tempDir();
  await (await start(dir)).close();
  const keyFile = path.join(dir, "secret.key");
  fs.chmodSync(keyFile, 0o644);
  await expect(start(dir)).rejects.toThrow(
    `${keyFile} can be read by other users (mode 0644); run "chmod 600 ${keyFile}"`,
  );
  fs.chmodSync(keyFile, 0o600);
  await (await start(dir)).close();
});

test("a corrupt database names the file", async () => {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, DATABASE_FILE), "this is not a database".repeat(200));
  await expect(start(dir)).rejects.toThrow(
    `Cannot open the gateway database ${path.join(dir, DATABASE_FILE)}`,
  );
  expect(fs.existsSync(path.join(dir, "secret.key"))).toBe(false);
});
