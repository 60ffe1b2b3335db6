/** The standalone CLI: argument parsing and a real start that prints its URL and the demo app. */
import { spawn } from "node:child_process";
import path from "node:path";
import { DEMO_APP } from "../../src/simulator";
import { UsageError, parseArgs } from "../../src/simulator/cli";

it("parses the documented options", () => {
  const { options, redirectUris } = parseArgs([
    "--port",
    "4000",
    "--dataset",
    "accountant-large",
    "--latency-ms",
    "50",
    "--faults",
    "500:0.1",
    "--seed",
    "7",
    "--redirect-uri",
    "https://localhost:3000/auth/callback",
    "--auto-approve",
  ]);
  expect(options).toMatchObject({
    port: 4000,
    dataset: "accountant-large",
    latencyMs: 50,
    faults: "500:0.1",
    seed: 7,
    autoApprove: true,
  });
  expect(redirectUris).toEqual(["https://localhost:3000/auth/callback"]);
  expect(parseArgs(["--latency-ms", "10-80"]).options.latencyMs).toEqual({ min: 10, max: 80 });
});

it.each([
  [["--port", "x"], "--port needs a whole number"],
  [["--dataset", "huge"], "--dataset must be one of demo, accountant-large"],
  [["--latency-ms", "80-10"], "MIN <= MAX"],
  [["--redirect-uri", "ftp://x"], "--redirect-uri needs an http(s) URL"],
  [["--verbose"], 'Unknown option "--verbose"'],
])("rejects %j with a clear message", (argv, message) => {
  expect(() => parseArgs(argv)).toThrow(UsageError);
  expect(() => parseArgs(argv)).toThrow(message);
});

it("starts standalone, prints URL and demo app, and serves OAuth", async () => {
  const root = path.resolve(__dirname, "../..");
  const child = spawn(
    process.execPath,
    [
      require.resolve("tsx/cli", { paths: [root] }),
      "src/simulator/cli.ts",
      "--port",
      "0",
      "--seed",
      "7",
      "--redirect-uri",
      "https://localhost:3000/cb",
    ],
    { cwd: root, stdio: ["ignore", "pipe", "pipe"] },
  );
  try {
    const output = await new Promise<string>((resolve, reject) => {
      let text = "";
      const timer = setTimeout(() => reject(new Error(`no start banner: ${text}`)), 20_000);
      child.stdout.on("data", (chunk: Buffer) => {
        text += chunk.toString();
        if (text.includes("redirect URIs")) {
          clearTimeout(timer);
          resolve(text);
        }
      });
      child.on("exit", (code) => reject(new Error(`exited ${code}: ${text}`)));
    });
    expect(output).toContain(DEMO_APP.clientId);
    expect(output).toContain(DEMO_APP.clientSecret);
    const url = /listening on (http:\/\/\S+)/.exec(output)![1];
    const auth = await fetch(
      `${url}/api/oauth2/auth?client_id=${DEMO_APP.clientId}&redirect_uri=${encodeURIComponent("https://localhost:3000/cb")}&response_type=code`,
    );
    expect(auth.status).toBe(200);
    expect(await auth.text()).toContain("Approve");
  } finally {
    child.kill("SIGTERM");
  }
});
