/** /metrics stays off unless the operator opens it, and its variables are checked like every other. */
import { loadConfig } from "../../../src/gateway/config/config";
import { configErrorFor } from "../../support/config";

const TOKEN = "0123456789abcdef0123456789abcdef";

test("off by default; on with a token, an own address, or both", () => {
  expect(loadConfig({}).metrics).toBeNull();
  expect(loadConfig({ EOL_METRICS_TOKEN: TOKEN }).metrics).toEqual({ token: TOKEN, listen: null });
  expect(loadConfig({ EOL_METRICS_LISTEN: "127.0.0.1:9464" }).metrics).toEqual({
    token: null,
    listen: { host: "127.0.0.1", port: 9464 },
  });
  expect(loadConfig({ EOL_METRICS_LISTEN: "[::1]:9464", EOL_METRICS_TOKEN: TOKEN }).metrics).toEqual({
    token: TOKEN,
    listen: { host: "::1", port: 9464 },
  });
});

test.each([
  [
    { EOL_METRICS_TOKEN: "short-secret" },
    "EOL_METRICS_TOKEN",
    /at least 32 printable characters.*value not shown$/,
  ],
  [{ EOL_METRICS_TOKEN: `${TOKEN} with spaces` }, "EOL_METRICS_TOKEN", /without spaces/],
  [{ EOL_METRICS_LISTEN: "9464" }, "EOL_METRICS_LISTEN", /host:port/],
  [{ EOL_METRICS_LISTEN: "localhost:99999" }, "EOL_METRICS_LISTEN", /from 0 to 65535/],
])("refuses %j naming %s", (env, variable, message) => {
  const error = configErrorFor(env, variable, message);
  expect(error.message).not.toContain("short-secret");
});
