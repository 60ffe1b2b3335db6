import { ConfigError, loadConfig } from "../../../src/gateway/config/config";
import { configErrorFor } from "../../support/config";

const CLIENT_ID = "3f1c2d4e-0000-4000-8000-000000000001";
const MANAGED = {
  EOL_CLIENT_ID: CLIENT_ID,
  EOL_CLIENT_SECRET: "s3cret",
  EOL_REDIRECT_URI: "https://eol.example.com/auth/callback",
};

function problemsOf(env: Record<string, string>): ConfigError[] {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return [...(error as ConfigError).problems];
  }
  throw new Error("expected a configuration error");
}

describe("configuration errors are reported all at once", () => {
  test("every bad variable is named in one error, one line each", () => {
    const env = { PORT: "http", LOG_LEVEL: "loud", EOL_EXACT_RETRIES: "99", EOL_CLIENT_ID: "not-a-guid" };
    const problems = problemsOf(env);
    expect(problems.map((problem) => problem.variable)).toEqual([
      "PORT",
      "EOL_CLIENT_ID",
      "EOL_CLIENT_SECRET",
      "EOL_REDIRECT_URI",
      "EOL_COUNTRY",
      "LOG_LEVEL",
      "EOL_EXACT_RETRIES",
    ]);
    let message = "";
    try {
      loadConfig(env);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message.split("\n")).toHaveLength(problems.length);
    expect(message).toMatch(/^PORT: must be a whole number from 0 to 65535/);
    expect(message).toMatch(
      /LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent; got "loud"/,
    );
  });

  test("a bad LOG_FORMAT is reported with the other problems; json is the default", () => {
    const problems = problemsOf({ LOG_LEVEL: "loud", LOG_FORMAT: "human", PORT: "x" });
    expect(problems.map((problem) => problem.message)).toEqual([
      expect.stringMatching(/^PORT: /),
      'LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent; got "loud"',
      'LOG_FORMAT: must be one of json, pretty; got "human"',
    ]);
    expect(loadConfig({}).logFormat).toBe("json");
    expect(loadConfig({ LOG_FORMAT: "pretty" }).logFormat).toBe("pretty");
  });

  test("EOL_COUNTRY is accepted in any case", () => {
    expect(loadConfig({ ...MANAGED, EOL_COUNTRY: "NL" }).managedApp?.country).toBe("nl");
    expect(loadConfig({ ...MANAGED, EOL_COUNTRY: " Be " }).managedApp?.country).toBe("be");
  });

  test("a bad EOL_COUNTRY alone is reported as a bad country, listing the accepted codes", () => {
    configErrorFor({ EOL_COUNTRY: "xx" }, "EOL_COUNTRY", /must be one of .*nl.* \(any case\); got "xx"/);
  });

  test("a bad country with the other three set reports only the country", () => {
    expect(problemsOf({ ...MANAGED, EOL_COUNTRY: "xx" }).map((problem) => problem.variable)).toEqual([
      "EOL_COUNTRY",
    ]);
  });
});
