/** npm start builds only what is older than its sources, and says so. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { BUILD_TARGETS, buildIfStale, staleTargets } from "../../../src/gateway/startup/buildFreshness";

let root: string;

function write(file: string, mtimeSeconds: number): void {
  const full = path.join(root, file);
  fs.mkdirSync(path.dirname(full), { recursive: true });
  fs.writeFileSync(full, "");
  fs.utimesSync(full, mtimeSeconds, mtimeSeconds);
}

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "eol-freshness-"));
  // Sources at t=100, both builds after them at t=200.
  for (const source of [
    "src/addin/taskpane/App.tsx",
    "src/gateway/app.ts",
    "src/shared/api.ts",
    "package.json",
  ]) {
    write(source, 100);
  }
  write("dist/taskpane.html", 200);
  write("build/server/src/gateway/main.js", 200);
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

const labels = (): string[] => staleTargets(root).map((target) => target.script);

test("nothing is rebuilt when both builds are newer than their sources, and it says so", () => {
  expect(labels()).toEqual([]);
  const log: string[] = [];
  expect(buildIfStale(root, { log: (line) => log.push(line), stdio: "pipe" })).toBe(true);
  expect(log).toEqual(["Build skipped: up to date (dist/ and build/server/ are newer than their sources)."]);
});

test("a changed add-in source rebuilds the add-in only, a gateway source the gateway only", () => {
  write("src/addin/taskpane/App.tsx", 300);
  expect(labels()).toEqual(["build:addin"]);
  write("src/addin/taskpane/App.tsx", 100);
  write("src/gateway/app.ts", 300);
  expect(labels()).toEqual(["build:server"]);
});

test("shared code, package.json and a missing build rebuild everything that needs them", () => {
  write("src/shared/api.ts", 300);
  expect(labels()).toEqual(["build:addin", "build:server"]);
  write("src/shared/api.ts", 100);
  write("package.json", 300);
  expect(labels()).toEqual(["build:addin", "build:server"]);
  write("package.json", 100);
  fs.rmSync(path.join(root, "dist"), { recursive: true });
  expect(labels()).toEqual(["build:addin"]);
});

test("every input named exists in this repository (a renamed folder must not silently stop rebuilds)", () => {
  const repository = path.resolve(__dirname, "../../..");
  for (const input of BUILD_TARGETS.flatMap((target) => target.inputs)) {
    expect({ input, exists: fs.existsSync(path.join(repository, input)) }).toEqual({ input, exists: true });
  }
});
