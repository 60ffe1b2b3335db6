import path from "node:path";
import { loadConfig } from "../../../src/gateway/config/config";
import { configErrorFor } from "../../support/config";

describe("gateway configuration", () => {
  test("defaults run https on localhost:3000 with ./data", () => {
    const config = loadConfig({}, "/srv/eol");
    expect(config).toMatchObject({
      port: 3000,
      host: "localhost",
      http: false,
      publicUrl: "https://localhost:3000",
    });
    expect(config.dataDir).toBe(path.resolve("/srv/eol/data"));
  });

  test("EOL_HTTP=1 switches to plain HTTP and the public URL follows", () => {
    expect(loadConfig({ EOL_HTTP: "1", PORT: "8080", HOST: "127.0.0.1" }).publicUrl).toBe(
      "http://127.0.0.1:8080",
    );
  });

  test("EOL_PUBLIC_URL overrides the public URL (reverse proxies)", () => {
    expect(loadConfig({ EOL_HTTP: "true", EOL_PUBLIC_URL: "https://eol.example.com/" }).publicUrl).toBe(
      "https://eol.example.com",
    );
  });

  test.each([
    [{ PORT: "abc" }, "PORT", /0 to 65535/],
    [{ PORT: "70000" }, "PORT", /0 to 65535/],
    [{ PORT: "-1" }, "PORT", /0 to 65535/],
    [{ EOL_HTTP: "maybe" }, "EOL_HTTP", /one of 1, 0, true, false/],
    [{ HOST: "local host" }, "HOST", /host name or IP/],
    [{ LOG_LEVEL: "loud" }, "LOG_LEVEL", /fatal, error, warn, info/],
    [{ LOG_FORMAT: "text" }, "LOG_FORMAT", /^LOG_FORMAT: must be one of json, pretty; got "text"$/],
    [{ EOL_PUBLIC_URL: "eol.example.com" }, "EOL_PUBLIC_URL", /absolute URL/],
    [{ EOL_PUBLIC_URL: "https://eol.example.com/?a=1" }, "EOL_PUBLIC_URL", /without credentials, query/],
    [{ EOL_TLS_CERT: "/tmp/c.pem" }, "EOL_TLS_KEY", /set together/],
    [{ EOL_TRUST_PROXY: "everyone" }, "EOL_TRUST_PROXY", /true, false, a number of proxy hops/],
    [{ EOL_TRUST_PROXY: "10.0.0.1,evil" }, "EOL_TRUST_PROXY", /addresses\/CIDRs/],
    [
      { EOL_ALLOWED_REDIRECT_URIS: "http://eol.example.com/auth/callback" },
      "EOL_ALLOWED_REDIRECT_URIS",
      /https/,
    ],
    [{ EOL_ALLOWED_REDIRECT_URIS: "not a url" }, "EOL_ALLOWED_REDIRECT_URIS", /absolute URL/],
    [{ EOL_SESSION_IDLE_DAYS: "0" }, "EOL_SESSION_IDLE_DAYS", /from 1 to 3650/],
    [{ EOL_SESSION_MAX_DAYS: "ninety" }, "EOL_SESSION_MAX_DAYS", /from 1 to 3650/],
    // Accepted before, and every PostgreSQL purge then failed on the interval.
    [{ EOL_SESSION_MAX_DAYS: "99999999999999999999" }, "EOL_SESSION_MAX_DAYS", /from 1 to 3650/],
    [{ EOL_TRUST_PROXY: "99999999999999999999" }, "EOL_TRUST_PROXY", /from 0 to 100/],
  ])("rejects %j naming %s and the accepted values", (env, variable, accepted) => {
    configErrorFor(env, variable, accepted);
  });

  test("reverse proxy, redirect allow-list and session lifetimes", () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ EOL_TRUST_PROXY: "true" }).trustProxy).toBe(true);
    expect(loadConfig({ EOL_TRUST_PROXY: "2" }).trustProxy).toBe(2);
    expect(loadConfig({ EOL_TRUST_PROXY: "127.0.0.1, 10.0.0.0/8" }).trustProxy).toBe("127.0.0.1, 10.0.0.0/8");
    expect(
      loadConfig({ EOL_ALLOWED_REDIRECT_URIS: "https://a.example/auth/callback, https://b.example/cb" })
        .allowedRedirectUris,
    ).toEqual(["https://a.example/auth/callback", "https://b.example/cb"]);
    expect(loadConfig({})).toMatchObject({
      sessionIdleDays: 30,
      sessionMaxDays: 90,
      allowedRedirectUris: [],
    });
  });
});

describe("EOL_DATABASE_URL (several instances on PostgreSQL)", () => {
  const key = "ab".repeat(32);

  test("selects PostgreSQL, needs the shared key, and turns the per-process demo off by default", () => {
    const config = loadConfig({
      EOL_DATABASE_URL: "postgres://eol:pw@db.example.com/eol",
      EOL_SECRET_KEY: key,
    });
    expect(config.databaseUrl).toBe("postgres://eol:pw@db.example.com/eol");
    expect(config.demo).toBe(false);
    expect(loadConfig({}).databaseUrl).toBeNull();
    expect(loadConfig({}).demo).toBe(true);
  });

  test.each([
    [{ EOL_DATABASE_URL: "mysql://db/eol", EOL_SECRET_KEY: key }, "EOL_DATABASE_URL", /PostgreSQL URL/],
    [
      { EOL_DATABASE_URL: "postgres://u:secret-pw@/eol", EOL_SECRET_KEY: key },
      "EOL_DATABASE_URL",
      /value not shown/,
    ],
    [{ EOL_DATABASE_URL: "postgres://db.example.com/eol" }, "EOL_SECRET_KEY", /same key/],
  ])("rejects %j naming %s", (env, variable, accepted) => {
    const error = configErrorFor(env, variable, accepted);
    expect(error.message).not.toContain("secret-pw");
  });
});

describe("how Exact's budgets are shared between users", () => {
  test("defaults, and values within their ranges", () => {
    expect(loadConfig({}).sharing).toEqual({
      lookupsPerUserHour: 30,
      divisionErrorLimit: 20,
      exactErrorCounting: "endpoint",
      noCacheMinAgeSeconds: 10,
      minuteReserve: 10,
    });
    const config = loadConfig({
      EOL_LOOKUPS_PER_USER_HOUR: "600",
      EOL_DIVISION_ERROR_LIMIT: "1",
      EOL_EXACT_ERROR_COUNTING: "division",
      EOL_NO_CACHE_MIN_AGE_SECONDS: "0",
      EOL_MINUTE_RESERVE: "0",
    });
    expect(config.sharing).toEqual({
      lookupsPerUserHour: 600,
      divisionErrorLimit: 1,
      exactErrorCounting: "division",
      noCacheMinAgeSeconds: 0,
      minuteReserve: 0,
    });
  });

  test.each([
    [{ EOL_LOOKUPS_PER_USER_HOUR: "0" }, "EOL_LOOKUPS_PER_USER_HOUR", /from 1 to 600; got "0"/],
    [{ EOL_LOOKUPS_PER_USER_HOUR: "99999999999999999999" }, "EOL_LOOKUPS_PER_USER_HOUR", /from 1 to 600/],
    [{ EOL_DIVISION_ERROR_LIMIT: "101" }, "EOL_DIVISION_ERROR_LIMIT", /from 1 to 100/],
    [{ EOL_EXACT_ERROR_COUNTING: "app" }, "EOL_EXACT_ERROR_COUNTING", /endpoint or division/],
    [{ EOL_NO_CACHE_MIN_AGE_SECONDS: "-1" }, "EOL_NO_CACHE_MIN_AGE_SECONDS", /from 0 to 300/],
    [{ EOL_MINUTE_RESERVE: "51" }, "EOL_MINUTE_RESERVE", /from 0 to 50/],
  ])("rejects %j naming %s and its range", (env, variable, accepted) => {
    configErrorFor(env, variable, accepted);
  });
});
