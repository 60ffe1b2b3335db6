/**
 * `npm start`'s entry point (src/gateway/main.ts) as a child process on a free loopback port, for tests
 * and benchmarks that must watch the gateway's own process: its memory (peak RSS from the kernel), its
 * death, its log lines. Resolves once the start banner names its URL.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../..");

export interface GatewayProcess {
  url: string;
  child: ChildProcess;
  /** Every line the process wrote (its JSON log lines among them). */
  lines: string[];
  /** The process's peak resident memory so far (VmHWM), in bytes; null once it has exited. */
  peakRssBytes(): number | null;
  /** How it ended, once it has: an exit code or a signal (e.g. SIGABRT after "heap out of memory"). */
  exited(): string | null;
  stop(): Promise<void>;
}

/** Kernel-reported memory of a live process (Linux): VmHWM is the peak resident set, VmRSS the current. */
export function processMemory(pid: number): { peakRss: number; rss: number } | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN);
    return { peakRss: kb("VmHWM") * 1024, rss: kb("VmRSS") * 1024 };
  } catch {
    return null;
  }
}

export async function startGatewayProcess(env: Record<string, string>): Promise<GatewayProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/gateway/main.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: "0",
      HOST: "127.0.0.1",
      EOL_HTTP: "1",
      EOL_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "eol-process-")),
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: string[] = [];
  let ended: string | null = null;
  const url = await new Promise<string>((resolve, reject) => {
    let pending = "";
    const collect = (chunk: Buffer): void => {
      pending += chunk.toString();
      const complete = pending.split("\n");
      pending = complete.pop() ?? "";
      for (const line of complete) {
        lines.push(line);
        const health = /Health:\s+(\S+)\/healthz/.exec(line);
        if (health) resolve(health[1]);
      }
    };
    child.stdout!.on("data", collect);
    child.stderr!.on("data", collect);
    child.once("exit", (code, signal) => {
      ended = signal ?? `exit ${code}`;
      reject(new Error(`the gateway process ended (${ended}) before listening:\n${lines.join("\n")}`));
    });
  });
  return {
    url,
    child,
    lines,
    peakRssBytes: () => (child.pid ? (processMemory(child.pid)?.peakRss ?? null) : null),
    exited: () => ended,
    stop: async () => {
      if (ended !== null) return;
      const gone = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGKILL");
      await gone;
    },
  };
}
