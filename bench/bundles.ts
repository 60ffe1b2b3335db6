/**
 * Bundle weight: gzip size of the JavaScript the shared runtime loads eagerly (the scripts taskpane.html
 * references: functions + commands + the task pane entry) and of everything the task pane can load.
 */
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import type { Report } from "./report";

const KB = 1024;

function gzipSize(file: string): number {
  return zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
}

export function measureBundles(report: Report, distDir: string): void {
  const html = fs.readFileSync(path.join(distDir, "taskpane.html"), "utf8");
  const eager = [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)"?/g)]
    .map((m) => m[1])
    .filter((src) => !/^https?:/.test(src));
  const eagerBytes = eager.reduce((sum, src) => sum + gzipSize(path.join(distDir, src)), 0);
  const allTaskpaneJs = fs
    .readdirSync(distDir)
    .filter((f) => f.endsWith(".js") && !f.startsWith("dialog."))
    .reduce((sum, f) => sum + gzipSize(path.join(distDir, f)), 0);
  const dialog = fs.readdirSync(distDir).filter((f) => /^dialog\..*js$|^dialog\.js$/.test(f));
  const dialogBytes = dialog.reduce((sum, f) => sum + gzipSize(path.join(distDir, f)), 0);
  report.add({
    section: "Bundles",
    name: `Eager shared-runtime JavaScript (${eager.join(", ")})`,
    measured: `${(eagerBytes / KB).toFixed(1)} KB gzip`,
    goal: "≤ 150 KB gzip",
    met: eagerBytes <= 150 * KB,
  });
  report.add({
    section: "Bundles",
    name: "Whole task pane JavaScript (eager + lazy chunks)",
    measured: `${(allTaskpaneJs / KB).toFixed(1)} KB gzip`,
    goal: "tracked",
    met: null,
  });
  report.add({
    section: "Bundles",
    name: "Sign-in dialog page JavaScript (no React)",
    measured: `${(dialogBytes / KB).toFixed(1)} KB gzip`,
    goal: "tracked",
    met: null,
  });
}
