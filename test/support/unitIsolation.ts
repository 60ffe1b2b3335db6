/**
 * The unit lane does no I/O: no socket (client or server), no child process, no file written outside
 * the temporary folder. Anything that does is an integration test: name it *.integration.test.ts.
 * Installed for each unit suite (jest setupFilesAfterEnv) and taken down after it, since jest's
 * workers also run the other lanes' suites.
 */
import childProcess from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

const HINT = "unit tests do no I/O; name the suite *.integration.test.ts";

function refuse(what: string): never {
  throw new Error(`${what}: ${HINT}`);
}

const TEMP_ROOTS = [os.tmpdir(), fs.realpathSync(os.tmpdir())];

function inTemp(target: unknown): boolean {
  if (typeof target === "number") return true; // an open file descriptor: its opening was checked
  const resolved = path.resolve(String(target instanceof URL ? target.pathname : target));
  return TEMP_ROOTS.some((root) => resolved === root || resolved.startsWith(root + path.sep));
}

type Patch = [target: object, name: string, replacement: (original: never) => unknown];

const FS_WRITES = [
  "writeFile",
  "appendFile",
  "mkdir",
  "rm",
  "rmdir",
  "unlink",
  "rename",
  "copyFile",
  "mkdtemp",
  "symlink",
];

const patches: Patch[] = [
  [net.Socket.prototype, "connect", () => () => refuse("a socket connection")],
  [net.Server.prototype, "listen", () => () => refuse("a listening server")],
  ...(["spawn", "spawnSync", "exec", "execSync", "execFile", "execFileSync", "fork"] as const).map(
    (name): Patch => [childProcess, name, () => () => refuse(`child_process.${name}`)],
  ),
  ...FS_WRITES.flatMap((name): Patch[] => {
    const guard =
      (original: (...args: unknown[]) => unknown) =>
      (target: unknown, ...rest: unknown[]) =>
        inTemp(target) ? original(target, ...rest) : refuse(`fs.${name} ${String(target)}`);
    return [
      [fs, name, guard as (original: never) => unknown],
      [fs, `${name}Sync`, guard as (original: never) => unknown],
      [fs.promises, name, guard as (original: never) => unknown],
    ];
  }),
  [
    fs,
    "createWriteStream",
    ((original: (...args: unknown[]) => unknown) =>
      (target: unknown, ...rest: unknown[]) =>
        inTemp(target) ? original(target, ...rest) : refuse(`fs.createWriteStream ${String(target)}`)) as (
      original: never,
    ) => unknown,
  ],
];

const originals: [object, string, unknown][] = [];
for (const [target, name, replacement] of patches) {
  const record = target as Record<string, unknown>;
  if (typeof record[name] !== "function") continue;
  originals.push([target, name, record[name]]);
  record[name] = replacement(record[name] as never);
}

afterAll(() => {
  for (const [target, name, original] of originals.reverse())
    (target as Record<string, unknown>)[name] = original;
});
