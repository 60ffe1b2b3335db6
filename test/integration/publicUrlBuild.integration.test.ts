/**
 * A production build for a hosted gateway: every URL it writes follows the public URL. Builds into a
 * temporary folder (the repository's dist/ and git status stay as they are).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { ROOT } from "../support/manifest";

const PUBLIC_URL = "https://eol.example.com/addin";
let outDir: string;

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

beforeAll(async () => {
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), "eol-public-build-"));
  const webpack = path.join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js");
  // At low priority (nice): the build runs next to the other suites and must not starve their timers.
  await promisify(execFile)(
    "nice",
    [
      "-n",
      "15",
      process.execPath,
      webpack,
      "--mode",
      "production",
      "--env",
      `publicUrl=${PUBLIC_URL}`,
      "--env",
      `outputPath=${outDir}`,
    ],
    { cwd: ROOT, env: { ...process.env, EOL_PUBLIC_URL: "" }, maxBuffer: 64 * 1024 * 1024 },
  );
}, 600_000);
afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));

test("no file of the build, source maps included, points at localhost", () => {
  const files = filesUnder(outDir);
  expect(files.map((file) => path.basename(file))).toEqual(
    expect.arrayContaining([
      "manifest.xml",
      "functions.json",
      "functions.js",
      "taskpane.html",
      "notice.html",
    ]),
  );
  const pointing = files.filter((file) => /\/\/localhost\b/.test(fs.readFileSync(file, "latin1")));
  expect(pointing.map((file) => path.relative(outDir, file))).toEqual([]);
});

test("every function's help link and every manifest URL use the public URL", () => {
  const metadata = JSON.parse(fs.readFileSync(path.join(outDir, "functions.json"), "utf8")) as {
    functions: { id: string; helpUrl?: string }[];
  };
  expect(metadata.functions.length).toBeGreaterThanOrEqual(7);
  for (const fn of metadata.functions) {
    expect({ id: fn.id, helpUrl: fn.helpUrl }).toEqual({
      id: fn.id,
      helpUrl: `${PUBLIC_URL}/help.html#functions`,
    });
  }
  const manifest = fs.readFileSync(path.join(outDir, "manifest.xml"), "utf8");
  const urls = [...manifest.matchAll(/"(https?:\/\/[^"]+)"/g)].map((match) => match[1]);
  const own = urls.filter((url) => !/^http:\/\/(schemas.microsoft.com|www.w3.org)\//.test(url));
  expect(own.length).toBeGreaterThan(20);
  for (const url of own) expect(url.startsWith(`${PUBLIC_URL}/`)).toBe(true);
});
