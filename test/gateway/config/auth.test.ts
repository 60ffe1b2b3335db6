/** The sign-in variables of the gateway configuration, the upstream guard and the secret key. */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadConfig, normaliseClientId } from "../../../src/gateway/config/config";
import { loadOrCreateSecretKey, SecretBox } from "../../../src/gateway/crypto/secretBox";
import { openSqliteStore } from "../../../src/gateway/store/sqliteStore";
import { ExactHosts } from "../../../src/gateway/exact/hosts";
import { configErrorFor } from "../../support/config";

const MANAGED = {
  EOL_CLIENT_ID: "{3F1C0D2E-8A4B-4C6D-9E0F-1A2B3C4D5E6F}",
  EOL_CLIENT_SECRET: "secret",
  EOL_REDIRECT_URI: "https://eol.example.com/auth/callback",
  EOL_COUNTRY: "be",
};

test("defaults: no managed app, demo on, generated key, 120 auth requests a minute", () => {
  expect(loadConfig({})).toMatchObject({
    managedApp: null,
    exactBaseUrlOverride: null,
    secretKey: null,
    demo: true,
    authRateLimitPerMinute: 120,
  });
});

test("a managed app is read whole, its client ID normalised", () => {
  expect(loadConfig(MANAGED).managedApp).toEqual({
    country: "be",
    clientId: "3f1c0d2e-8a4b-4c6d-9e0f-1a2b3c4d5e6f",
    clientSecret: "secret",
    redirectUri: "https://eol.example.com/auth/callback",
  });
  expect(normaliseClientId("{3f1c0d2e-8a4b-4c6d-9e0f-1a2b3c4d5e6f")).toBeNull();
});

test.each([
  [{ ...MANAGED, EOL_CLIENT_SECRET: "" }, "EOL_CLIENT_SECRET", /needs all of/],
  [{ EOL_CLIENT_ID: MANAGED.EOL_CLIENT_ID }, "EOL_CLIENT_SECRET", /needs all of/],
  [{ ...MANAGED, EOL_CLIENT_ID: "abc" }, "EOL_CLIENT_ID", /must be a GUID/],
  [{ ...MANAGED, EOL_REDIRECT_URI: "http://eol.example.com/auth/callback" }, "EOL_REDIRECT_URI", /https/],
  [{ ...MANAGED, EOL_COUNTRY: "xx" }, "EOL_COUNTRY", /one of nl, be, de, fr, uk, es, us, demo/],
  [{ ...MANAGED, EOL_COUNTRY: "demo", EOL_DEMO: "0" }, "EOL_COUNTRY", /needs the built-in simulator/],
  [{ EOL_EXACT_BASE_URL: "http://exact.example.com" }, "EOL_EXACT_BASE_URL", /https \(http only for/],
  [{ EOL_EXACT_BASE_URL: "https://exact.example.com/api" }, "EOL_EXACT_BASE_URL", /bare origin/],
  [{ EOL_EXACT_BASE_URL: "nonsense" }, "EOL_EXACT_BASE_URL", /absolute URL/],
  [{ EOL_SECRET_KEY: "abcd" }, "EOL_SECRET_KEY", /32 bytes/],
  [{ EOL_DEMO: "perhaps" }, "EOL_DEMO", /one of 1, 0/],
  [{ EOL_AUTH_RATE_LIMIT: "0" }, "EOL_AUTH_RATE_LIMIT", /from 1 to 1000000/],
])("rejects %j naming %s", (env, variable, message) => {
  expect(configErrorFor(env, variable, message).message).not.toContain("abcd");
});

test("EOL_SECRET_KEY accepts hex and base64; EOL_EXACT_BASE_URL allows http on loopback", () => {
  const key = crypto.randomBytes(32);
  expect(loadConfig({ EOL_SECRET_KEY: key.toString("hex") }).secretKey).toEqual(key);
  expect(loadConfig({ EOL_SECRET_KEY: key.toString("base64") }).secretKey).toEqual(key);
  expect(loadConfig({ EOL_EXACT_BASE_URL: "http://127.0.0.1:4000/" }).exactBaseUrlOverride).toBe(
    "http://127.0.0.1:4000",
  );
});

test("country hosts, the override, and the upstream guard", () => {
  const exactBaseUrl = (country: "uk" | "us" | "nl" | "demo", exactBaseUrlOverride: string | null) =>
    new ExactHosts({ exactBaseUrlOverride }).baseUrlFor(country);
  expect(exactBaseUrl("uk", null)).toBe("https://start.exactonline.co.uk");
  expect(exactBaseUrl("us", null)).toBe("https://start.exactonline.com");
  expect(exactBaseUrl("nl", "http://127.0.0.1:4000")).toBe("http://127.0.0.1:4000");
  expect(() => exactBaseUrl("demo", null)).toThrow(/not available/);
  const hosts = new ExactHosts({ exactBaseUrlOverride: null });
  const assertAllowedUpstream = (url: string) => hosts.assertAllowed(url);
  expect(assertAllowedUpstream("https://start.exactonline.nl/api/v1/current/Me").host).toBe(
    "start.exactonline.nl",
  );
  expect(() => assertAllowedUpstream("https://evil.example.com/api/v1/current/Me")).toThrow(
    /refused to call/,
  );
  expect(() => assertAllowedUpstream("http://start.exactonline.nl/api")).toThrow(/refused to call/);
  expect(() => assertAllowedUpstream("https://user:pw@start.exactonline.nl/api")).toThrow(/refused to call/);
});

test("each gateway keeps its own allow-list: another gateway's hosts are not allowed here", () => {
  const withOverride = new ExactHosts({ exactBaseUrlOverride: "http://127.0.0.1:4000" });
  const withDemo = new ExactHosts({ exactBaseUrlOverride: null, demoBaseUrl: "http://127.0.0.1:5000" });
  expect(withOverride.assertAllowed("http://127.0.0.1:4000/api/v1/current/Me").port).toBe("4000");
  expect(() => withOverride.assertAllowed("https://start.exactonline.nl/api")).toThrow(/refused to call/);
  expect(() => withOverride.assertAllowed("http://127.0.0.1:5000/api")).toThrow(/refused to call/);
  expect(withDemo.assertAllowed("http://127.0.0.1:5000/api").port).toBe("5000");
  expect(() => withDemo.assertAllowed("http://127.0.0.1:4000/api")).toThrow(/refused to call/);
});

test("the generated key file is 0600 and reused; another key cannot open the store", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "eol-key-"));
  const key = loadOrCreateSecretKey(null, dir);
  expect(fs.statSync(path.join(dir, "secret.key")).mode & 0o777).toBe(0o600);
  expect(loadOrCreateSecretKey(null, dir)).toEqual(key);
  const store = await openSqliteStore(dir, new SecretBox(key));
  await store.close();
  await expect(openSqliteStore(dir, new SecretBox(crypto.randomBytes(32)))).rejects.toThrow(
    /secret key does not match/,
  );
  const box = new SecretBox(key);
  const sealed = box.seal("refresh-token");
  expect(sealed).not.toContain("refresh-token");
  expect(box.open(sealed)).toBe("refresh-token");
  // Flip one bit of the ciphertext itself: editing base64 characters can touch only padding bits.
  const [version, nonce, tag, data] = sealed.split(".");
  const bytes = Buffer.from(data, "base64url");
  bytes[0] ^= 0x01;
  const tampered = [version, nonce, tag, bytes.toString("base64url")].join(".");
  expect(tampered).not.toBe(sealed);
  expect(() => box.open(tampered)).toThrow();
});
