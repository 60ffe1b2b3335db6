import { en } from "../../../src/addin/i18n/en";
import { nl } from "../../../src/addin/i18n/nl";
import { errorText, languageFromLocale } from "../../../src/addin/i18n";
import { ERROR_CODES } from "../../../src/shared/errors";
import { COUNTRIES } from "../../../src/shared/countries";

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

/** Arguments to try each text function with (a new function needs an entry here). */
const COUNTS = { cells: 4, refreshed: 2, inError: 1, calculating: 1 };
const SAMPLE_ARGUMENTS: Record<string, unknown[]> = {
  budgetOf: ["3", "60"],
  implicitDivision: [101],
  refreshedCounts: [COUNTS],
  errorUnknownDialog: ["12999"],
  progressLabel: ["Step", 1, 3],
  fanOutProgress: ["Role holders", "340", "1,500"],
  "steps.writingRows": [2],
  refreshDone: [COUNTS],
  reviewDateNotSaved: ["disk full"],
  notDone: ["Button"],
  "sheets.dataAsOf": ["2026-11-21 10:15 UTC"],
  "sheets.onlyCurrentDivision": [101],
  "sheets.scope": ["how", "which"],
  "sheets.oneDivision": [101],
  "sheets.divisionCount": [3],
  "sheets.reviewer": ["Ann Admin"],
  "sheets.changesSincePrevious": ["2026-01-01"],
  "sheets.changesSinceFirst": ["2026-01-01", 90],
  "sheets.holders": [[274, 10]],
  "sheets.findings": [90],
  "sheets.changesSince": ["2026-01-01"],
  "sheets.sinceLastSignOff": ["2026-11-21 10:15 UTC", "Ann Admin"],
  "sheets.notSignedOff": ["2026-11-22 10:15 UTC"],
  "sheets.signedOff": ["Ann Admin", "2026-11-21 10:15 UTC", "abc", "0123456789abcdef"],
  "signOff.alreadySignedOff": ["Signed off by Ann"],
  "signOff.badDecision": ["holders", 12, "Maybe"],
  "sheets.conflicts": [2],
  "sheets.badSeparationRules": ["row 2: role B is missing"],
};

/** Texts that are meant to be the same in both languages. */
const SAME_IN_BOTH = new Set([
  "close",
  "tableNames.query",
  // The example rule's role numbers ("# 11", "21").
  "sheets.separationRuleExample.0",
  "sheets.separationRuleExample.1",
]);

/** Every text of a catalogue by its path ("sheets.dataAsOf", "guideRegisterSteps.0"), functions applied. */
function texts(strings: object, prefix = ""): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(strings)) {
    const at = prefix + key;
    if (typeof value === "function") {
      const args = SAMPLE_ARGUMENTS[at];
      out.set(at, args ? (value as (...a: unknown[]) => unknown)(...args) : `no sample arguments for ${at}`);
    } else if (value !== null && typeof value === "object") {
      for (const [inner, text] of texts(value, `${at}.`)) out.set(inner, text);
    } else out.set(at, value);
  }
  return out;
}

test("every text, nested ones included, exists in both languages, is not empty, and is translated", () => {
  const english = texts(en);
  const dutch = texts(nl);
  expect([...dutch.keys()].sort()).toEqual([...english.keys()].sort());
  expect(english.size).toBeGreaterThan(150);
  for (const [at, text] of [...english, ...dutch]) {
    expect({ at, type: typeof text }).toEqual({ at, type: "string" });
    expect({ at, text: String(text).trim() === "" }).toEqual({ at, text: false });
    expect(String(text)).not.toMatch(/^no sample arguments/);
  }
  const same = [...english].filter(([at, text]) => dutch.get(at) === text).map(([at]) => at);
  expect(same.sort()).toEqual([...SAME_IN_BOTH].sort());
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
