import { en } from "../../src/addin/i18n/en";
import { nl } from "../../src/addin/i18n/nl";
import { errorText, languageFromLocale } from "../../src/addin/i18n";
import { ERROR_CODES } from "../../src/shared/errors";
import { COUNTRIES } from "../../src/shared/countries";

const DIALOG_CODES = ["12002", "12003", "12004", "12005", "12006", "12007", "12009", "12011"];

test.each([
  ["nl-NL", "nl"],
  ["nl-BE", "nl"],
  ["NL", "nl"],
  ["en-US", "en"],
  ["de-DE", "en"],
  ["nn-NO", "en"],
  [null, "en"],
])("display language %s → %s", (locale, language) => {
  expect(languageFromLocale(locale)).toBe(language);
});

test("Dutch has every key English has, and no empty text", () => {
  expect(Object.keys(nl).sort()).toEqual(Object.keys(en).sort());
  expect(Object.keys(nl.errors).sort()).toEqual(Object.keys(en.errors).sort());
  for (const strings of [en, nl]) {
    for (const value of Object.values(strings))
      if (typeof value === "string") expect(value.trim()).not.toBe("");
  }
});

test.each([
  ["en", en],
  ["nl", nl],
] as const)("%s explains every gateway error code, dialog error and country", (_name, strings) => {
  for (const code of [...ERROR_CODES, ...DIALOG_CODES, "network_error", "popup_closed", "popup_blocked"]) {
    expect(strings.errors[code]).toBeTruthy();
  }
  for (const country of COUNTRIES) expect(strings.countryNames[country]).toBeTruthy();
});

test("Dutch texts are really Dutch", () => {
  expect(nl.signIn).toBe("Aanmelden");
  expect(nl.errors["12006"]).not.toBe(en.errors["12006"]);
});

test("errorText: our text first, unknown dialog numbers named, otherwise the gateway's own message", () => {
  expect(errorText(en, "12009")).toMatch(/choose Allow/);
  expect(errorText(nl, "12009")).toMatch(/Toestaan/);
  expect(errorText(en, "12999")).toBe("The sign-in window reported error 12999. Try again.");
  expect(errorText(en, "something_new", "Gateway says so.")).toBe("Gateway says so.");
  expect(errorText(en, "something_new")).toBe(en.errors.internal_error);
});

test("errorText keeps the gateway's specific message for invalid_request and exact_error", () => {
  expect(errorText(en, "invalid_request", "clientSecret is required.")).toBe("clientSecret is required.");
  expect(errorText(en, "exact_error", "Exact: bad filter.")).toBe("Exact: bad filter.");
  expect(errorText(en, "invalid_request")).toBe(en.errors.invalid_request);
});
