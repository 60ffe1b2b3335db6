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
import packageJson from "../../package.json";
import { manifestVersion } from "../../src/shared/manifestIdentity";

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
      "functions-nl.json",
      "functions.js",
      "taskpane.html",
      "notice.html",
      "sign-in.html",
    ]),
  );
  const pointing = files.filter((file) => /\/\/localhost\b/.test(fs.readFileSync(file, "latin1")));
  expect(pointing.map((file) => path.relative(outDir, file))).toEqual([]);
});

test("every function's help link, in both languages' metadata, and every manifest URL use the public URL", () => {
  for (const [file, language] of [
    ["functions.json", "en"],
    ["functions-nl.json", "nl"],
  ]) {
    const metadata = JSON.parse(fs.readFileSync(path.join(outDir, file), "utf8")) as {
      functions: { id: string; helpUrl?: string }[];
    };
    expect(metadata.functions.length).toBeGreaterThanOrEqual(10);
    for (const fn of metadata.functions) {
      expect({ id: fn.id, helpUrl: fn.helpUrl }).toEqual({
        id: fn.id,
        helpUrl: `${PUBLIC_URL}/help/${language}/functions/${fn.id.toLowerCase()}.html`,
      });
    }
  }
  const manifest = fs.readFileSync(path.join(outDir, "manifest.xml"), "utf8");
  const urls = [...manifest.matchAll(/"(https?:\/\/[^"]+)"/g)].map((match) => match[1]);
  const own = urls.filter((url) => !/^http:\/\/(schemas.microsoft.com|www.w3.org)\//.test(url));
  expect(own.length).toBeGreaterThan(20);
  for (const url of own) expect(url.startsWith(`${PUBLIC_URL}/`)).toBe(true);
  expect(manifest).toContain(`<Version>${manifestVersion(packageJson.version)}</Version>`);
});

test("the Dutch metadata carries the Dutch names and help of the same functions", () => {
  const read = (file: string) =>
    JSON.parse(fs.readFileSync(path.join(outDir, file), "utf8")) as {
      functions: { id: string; name: string; parameters: unknown[] }[];
    };
  const english = read("functions.json").functions;
  const dutch = read("functions-nl.json").functions;
  expect(dutch.map((fn) => fn.id)).toEqual(english.map((fn) => fn.id));
  expect(dutch.find((fn) => fn.id === "DIVISIONS")!.name).toBe("ADMINISTRATIES");
  expect(english.find((fn) => fn.id === "DIVISIONS")!.name).toBe("DIVISIONS");
});
