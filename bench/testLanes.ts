/**
 * The unit test lane's wall time: `npm run test:fast` (jest's `unit` project, no build) as a child
 * process, the way a contributor runs it after a one-line change. Jest's transform cache is warmed by
 * one run first, so the figure is the everyday one, not the first run after a clean checkout.
 */
import { execFileSync } from "node:child_process";
import os from "node:os";
import type { Report } from "./report";

const GOAL_SECONDS = 30;

function runUnitLane(root: string): number {
  const started = Date.now();
  // The same workers as `npm run test:fast`; a failing suite is shown, not swallowed.
  const args = [require.resolve("jest/bin/jest"), "--selectProjects", "unit", "--maxWorkers=4", "--silent"];
  try {
    execFileSync(process.execPath, args, { cwd: root, stdio: "pipe" });
  } catch (error) {
    const output = (error as { stderr?: Buffer }).stderr?.toString() ?? "";
    throw new Error(`The unit lane failed:\n${output.slice(-4000)}`);
  }
  return (Date.now() - started) / 1000;
}

export function measureTestLanes(report: Report, root: string): void {
  runUnitLane(root); // warms jest's transform cache
  const seconds = runUnitLane(root);
  const load = os.loadavg()[0].toFixed(1);
  report.add({
    section: "Tests",
    name: `npm run test:fast (unit lane, ${os.cpus().length} cores, load ${load} at the end)`,
    measured: `${seconds.toFixed(1)} s`,
    goal: `< ${GOAL_SECONDS} s on two cores`,
    met: seconds < GOAL_SECONDS,
  });
}
