import { execFile } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { loadConfig } from "../../../src/gateway/config/config";
import { checkDataDir, portProblem } from "../../../src/gateway/startup/preflight";
import { classifyStartFailure } from "../../../src/gateway/startup/startFailure";

const run = promisify(execFile);
const script = path.join(__dirname, "../../../src/gateway/startup/checkConfig.ts");
const tsx = path.join(__dirname, "../../../node_modules/.bin/tsx");

describe("npm start's configuration check (prestart)", () => {
  test("lists every problem and exits 2 without building anything", async () => {
    const failure = await run(tsx, [script], { env: { ...process.env, PORT: "x", EOL_COUNTRY: "xx" } }).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure).toMatchObject({ code: 2 });
    const stderr = (failure as { stderr: string }).stderr;
    expect(stderr).toMatch(/^PORT: must be a whole number/m);
    expect(stderr).toMatch(/^EOL_COUNTRY: must be one of .*got "xx"/m);
  });

  test("says OK for a good configuration", async () => {
    const { stdout } = await run(tsx, [script], { env: { ...process.env, PORT: "3000", EOL_COUNTRY: "" } });
    expect(stdout).toMatch(/Configuration OK/);
  });
});

describe("start-up failures name the variable to change, with their exit code", () => {
  test("a port in use names PORT and what to do (exit code 3)", async () => {
    const holder = net.createServer();
    await new Promise<void>((resolve) => holder.listen(0, "127.0.0.1", resolve));
    const port = (holder.address() as net.AddressInfo).port;
    const second = net.createServer();
    const error = await new Promise<Error>((resolve) => {
      second.once("error", resolve);
      second.listen(port, "127.0.0.1");
    });
    holder.close();
    const config = loadConfig({ PORT: String(port), HOST: "127.0.0.1" });
    const failure = classifyStartFailure(error, config);
    expect(failure?.message).toMatch(
      new RegExp(`^PORT: port ${port} on 127.0.0.1 is already in use; .*set PORT to a free port`),
    );
    expect(failure?.exitCode).toBe(3);
    expect(portProblem(new Error("other"), config)).toBeNull();
  });

  test("a data directory that cannot be created names EOL_DATA_DIR and what to do (exit code 4)", () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "eol-datadir-")), "a-file");
    fs.writeFileSync(file, "");
    const config = loadConfig({ EOL_DATA_DIR: path.join(file, "data") });
    let failure: unknown;
    try {
      checkDataDir(config);
    } catch (caught) {
      failure = caught;
    }
    expect(failure).toMatchObject({
      kind: "dataDir",
      exitCode: 4,
      message: expect.stringMatching(
        /^EOL_DATA_DIR: cannot write .*ENOTDIR.*set EOL_DATA_DIR to a writable folder/,
      ),
    });
    expect(
      classifyStartFailure(new Error("other"), loadConfig({ EOL_DATA_DIR: path.dirname(file) })),
    ).toBeNull();
  });
});
