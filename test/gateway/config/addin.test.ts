/** EOL_ADDIN_ID, EOL_ADDIN_NAME, EOL_FUNCTION_NAMESPACE, EOL_SUPPORT_URL and EOL_SUPPORT_EMAIL. */
import { loadConfig } from "../../../src/gateway/config/config";
import { DEFAULT_ADDIN_IDENTITY } from "../../../src/shared/manifestIdentity";
import { configErrorFor } from "../../support/config";

const ID = "0f5c2d8e-4b7a-4e1f-9c3d-2a6b8e4f7c10";

test("unset, the repository's identity is kept and no contact is named", () => {
  const config = loadConfig({});
  expect(config.addin).toEqual(DEFAULT_ADDIN_IDENTITY);
  expect(config.support).toEqual({ url: null, email: null });
});

test("a gateway's own Id, name and namespace are read (the namespace in capitals)", () => {
  const config = loadConfig({
    EOL_ADDIN_ID: ` ${ID.toUpperCase()} `,
    EOL_ADDIN_NAME: "EOL (test)",
    EOL_FUNCTION_NAMESPACE: "eol_test",
  });
  expect(config.addin).toEqual({ id: ID, displayName: "EOL (test)", namespace: "EOL_TEST" });
});

test.each([
  ["EOL_ADDIN_ID", "{0f5c2d8e-4b7a-4e1f-9c3d-2a6b8e4f7c10}", /must be a GUID/],
  ["EOL_ADDIN_ID", "not-a-guid", /must be a GUID/],
  ["EOL_ADDIN_NAME", "x".repeat(126), /at most 125 characters/],
  ["EOL_ADDIN_NAME", "two\nlines", /on one line/],
  ["EOL_FUNCTION_NAMESPACE", "EO", /3 to 32 characters/],
  ["EOL_FUNCTION_NAMESPACE", "1EOL", /a letter first/],
  ["EOL_FUNCTION_NAMESPACE", "EOL.TEST", /letters, digits or _/],
  ["EOL_FUNCTION_NAMESPACE", "E".repeat(33), /3 to 32 characters/],
  ["EOL_FUNCTION_NAMESPACE", "ABC1", /not a cell reference/],
  ["EOL_SUPPORT_URL", "http://intranet.example.com/help", /https URL/],
  ["EOL_SUPPORT_URL", "intranet", /https URL/],
  ["EOL_SUPPORT_EMAIL", "it-desk", /e-mail address/],
])("%s=%j is refused with a clear message", (variable, value, message) => {
  configErrorFor({ EOL_ADDIN_ID: ID, [variable]: value }, variable, message);
});

test("a name or namespace of its own needs an Id of its own: the same Id would replace the other add-in", () => {
  configErrorFor(
    { EOL_FUNCTION_NAMESPACE: "EOLTEST" },
    "EOL_ADDIN_ID",
    /is required with EOL_ADDIN_NAME or EOL_FUNCTION_NAMESPACE/,
  );
  configErrorFor({ EOL_ADDIN_NAME: "EOL test" }, "EOL_ADDIN_ID", /Office knows an add-in by its Id/);
});

test("the support contact is read as given", () => {
  const config = loadConfig({
    EOL_SUPPORT_URL: "https://intranet.example.com/eol",
    EOL_SUPPORT_EMAIL: "it@example.com",
  });
  expect(config.support).toEqual({ url: "https://intranet.example.com/eol", email: "it@example.com" });
});
