/**
 * The routes' JSON schemas answer through the error formatter in the { error: { code, message } } shape,
 * naming the field and what it accepts. No socket needed: the gateway is built and `inject()`ed.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { buildGateway } from "../../../src/gateway/app";
import { loadConfig } from "../../../src/gateway/config/config";

let app: FastifyInstance;

beforeAll(async () => {
  const config = loadConfig({
    EOL_HTTP: "1",
    EOL_DEMO: "0",
    EOL_EXACT_BASE_URL: "http://127.0.0.1:9",
    LOG_LEVEL: "silent",
    EOL_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "eol-schemas-")),
  });
  app = await buildGateway(config, null);
});
afterAll(() => app.close());

const secret = "s".repeat(40);
const postLogin = (payload: unknown) =>
  app.inject({ method: "POST", url: "/auth/logins", payload: payload as object });

test.each([
  [{ loginSecret: 5 }, "loginSecret must be a random string of 32 to 1024 characters."],
  [
    { loginSecret: secret, colour: "red" },
    /^Unknown field "colour"; expected loginSecret, country, clientId/,
  ],
  [{ loginSecret: secret, country: 31 }, "country must be a string."],
  [[1, 2], "The request body must be a JSON object."],
])("POST /auth/logins %j → 400 naming the field", async (payload, message) => {
  const res = await postLogin(payload);
  expect(res.statusCode).toBe(400);
  expect(res.json().error.code).toBe("invalid_request");
  expect(res.json().error.message).toMatch(message);
});

test("a data route checks the session before its parameters", async () => {
  const res = await app.inject({ url: "/api/v1/divisions?colour=red" });
  expect(res.statusCode).toBe(401);
  expect(res.json().error.code).toBe("not_signed_in");
});

test("sign-out checks the session before its parameters", async () => {
  const res = await app.inject({ method: "DELETE", url: "/auth/session?all=maybe" });
  expect(res.statusCode).toBe(401);
});

test("answers are serialized by their response schema", async () => {
  const res = await app.inject({ url: "/auth/config" });
  expect(res.statusCode).toBe(200);
  expect(res.json()).toEqual({
    managed: false,
    redirectUri: expect.stringMatching(/\/auth\/callback$/),
    countries: ["nl", "be", "de", "fr", "uk", "es", "us"],
  });
});
