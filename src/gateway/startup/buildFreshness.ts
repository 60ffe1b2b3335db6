/**
 * `npm start` builds only what is older than its sources: the add-in (dist/, webpack, ~30 s) and the
 * gateway (build/server, tsc). Each build rewrites its marker file (webpack.config.js turns off
 * compare-before-emit), so the marker's time is the last build's.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export interface BuildTarget {
  /** What the banner calls it. */
  label: string;
  /** The npm script that builds it. */
  script: string;
  /** A file every build writes, relative to the repository root. */
  marker: string;
  /** Files and folders it is built from. */
  inputs: string[];
}

const SHARED_INPUTS = ["src/shared", "package.json", "package-lock.json", "tsconfig.json"];

export const BUILD_TARGETS: readonly BuildTarget[] = [
  {
    label: "the add-in (dist/)",
    script: "build:addin",
    marker: "dist/taskpane.html",
    inputs: ["src/addin", "manifest.xml", "assets", "webpack.config.js", ...SHARED_INPUTS],
  },
  {
    label: "the gateway (build/server/)",
    script: "build:server",
    marker: "build/server/src/gateway/main.js",
    inputs: ["src/gateway", "src/simulator", "tsconfig.server.json", ...SHARED_INPUTS],
  },
];

/** The newest modification time under the given files and folders (0 when none exists). */
export function newestModification(root: string, inputs: readonly string[]): number {
  let newest = 0;
  const visit = (file: string): void => {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
    } catch {
      return;
    }
    if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(file)) visit(path.join(file, entry));
    } else {
      newest = Math.max(newest, stat.mtimeMs);
    }
  };
  for (const input of inputs) visit(path.join(root, input));
  return newest;
}

/** The targets whose marker is missing or older than one of their inputs. */
export function staleTargets(root: string, targets: readonly BuildTarget[] = BUILD_TARGETS): BuildTarget[] {
  return targets.filter((target) => {
    const marker = path.join(root, target.marker);
    if (!fs.existsSync(marker)) return true;
    return fs.statSync(marker).mtimeMs < newestModification(root, target.inputs);
  });
}

export interface BuildOutput {
  log: (line: string) => void;
  /** Where the builds' own output goes (the terminal for npm start). */
  stdio: "inherit" | "pipe";
}

/**
 * Builds what is stale, saying which ("Building …" or "Build skipped: up to date"); false when a build
 * failed (its errors are printed with stdio "inherit").
 */
export function buildIfStale(
  root: string,
  output: BuildOutput = { log: console.log, stdio: "inherit" },
): boolean {
  const stale = staleTargets(root);
  if (stale.length === 0) {
    output.log("Build skipped: up to date (dist/ and build/server/ are newer than their sources).");
    return true;
  }
  for (const target of stale) {
    const reason = fs.existsSync(path.join(root, target.marker))
      ? "its sources changed since the last build"
      : "not built yet";
    output.log(`Building ${target.label}: ${reason}…`);
    // npm.cmd needs a shell on Windows.
    const run = spawnSync("npm", ["run", target.script], {
      cwd: root,
      stdio: output.stdio,
      shell: process.platform === "win32",
    });
    if (run.status !== 0) return false;
  }
  return true;
}
