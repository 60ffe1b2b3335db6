/**
 * `npm start`'s default: HTTPS with the development certificate and the demo simulator. The sign-in
 * window must stay on https all the way (an Office dialog fails with 12003 on an http page), so the
 * simulator serves its consent page over https too.
 */
import fs from "node:fs";
import https from "node:https";
import os from "node:os";
import path from "node:path";
import { loadConfig } from "../../../src/gateway/config/config";
import { startGateway, type RunningGateway } from "../../../src/gateway/start";

let gateway: RunningGateway;
let ca: Buffer;

function get(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; location?: string; body: string }> {
  return new Promise((resolve, reject) => {
    https
      .get(url, { ca, headers }, (res) => {
        let body = "";
        res.on("data", (chunk) => (body += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, location: res.headers.location, body }));
      })
      .on("error", reject);
  });
}

function post(url: string, json: unknown): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = https.request(
      url,
      { method: "POST", ca, headers: { "content-type": "application/json" } },
      (res) => {
        let body = "";
        res.on("data", (chunk) => (body += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on("error", reject);
    req.end(JSON.stringify(json));
  });
}

beforeAll(async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "eol-https-"));
  gateway = await startGateway(loadConfig({ PORT: "0", LOG_LEVEL: "silent", EOL_DATA_DIR: dataDir }));
  expect(gateway.devCaPath).toBeTruthy();
  ca = fs.readFileSync(gateway.devCaPath!);
});
afterAll(async () => {
  await gateway?.close();
});

test("serves https with a certificate chained to the development CA", async () => {
  expect(gateway.url).toMatch(/^https:\/\/localhost:\d+$/);
  const health = await get(`${gateway.url}/healthz`);
  expect(health.status).toBe(200);
  expect(res(health.body)).toMatchObject({ status: "ok" });
});

test("the demo sign-in window stays on https: start page → the simulator's consent page over https", async () => {
  const created = await post(`${gateway.url}/auth/logins`, { loginSecret: "s".repeat(43), country: "demo" });
  expect(created.status).toBe(201);
  const { startUrl } = res(created.body) as { startUrl: string };
  expect(startUrl.startsWith(`${gateway.url}/`)).toBe(true);
  const start = await get(startUrl);
  expect(start.status).toBe(302);
  const authorize = new URL(start.location!);
  expect(authorize.protocol).toBe("https:");
  expect(authorize.pathname).toBe("/api/oauth2/auth");
  expect(authorize.searchParams.get("redirect_uri")).toBe(`${gateway.url}/auth/callback`);
  const consent = await get(authorize.toString());
  expect(consent.status).toBe(200);
  expect(consent.body).toContain("Approve");
  expect(consent.body).toContain('action="/api/oauth2/auth"'); // posts back to the same https origin
});

function res(body: string): unknown {
  return JSON.parse(body);
}
