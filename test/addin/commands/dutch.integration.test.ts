/**
 * The ribbon's actions speak Office's display language: with nl-NL the progress labels, Refresh all's
 * summary, the inserted sheets' texts and a failed button's message are Dutch. The real actions over
 * real HTTP to the loopback gateway stand-in, Excel through office-addin-mock (support/excelMock.ts).
 */
import type { FakeWorkbook } from "../../support/addin/excelMock";
import * as EOL from "../../../src/addin/functions/functions";
import {
  insertAccessReviewSheet,
  insertDivisionsSheet,
  refreshAll,
} from "../../../src/addin/commands/actions";
import { runCommand } from "../../../src/addin/commands/commands";
import { addinStrings, chooseLanguage } from "../../../src/addin/i18n";
import { noticeFromQuery, noticeTexts } from "../../../src/addin/commands/noticeMessage";
import { on, type AddinEvents } from "../../../src/addin/events";
import { TABLE_HEADER_ROW } from "../../../src/addin/excel/writeTableSheet";
import { startStubGateway, type StubGateway } from "../../support/addin/stubGateway";
import { connectToStub, freshWorkbook } from "../../support/addin/setup";
import { fakeOfficeHost, resetOfficeHost } from "../../support/officeHost";

let stub: StubGateway;
let workbook: FakeWorkbook;
let progress: AddinEvents["progress"][];
let stopListening: () => void;
let dialogs: URL[];

/** Excel in Dutch with ExcelApi 1.12, workbook settings, and a dialog where the pane cannot show. */
function dutchOffice(displayLanguage = "nl-NL") {
  const settings = new Map<string, unknown>();
  return {
    AsyncResultStatus: { Succeeded: "succeeded" },
    EventType: { DialogMessageReceived: "dialogMessageReceived" },
    addin: {
      showAsTaskpane: async () => {
        throw new Error("not supported here");
      },
    },
    context: {
      displayLanguage,
      requirements: { isSetSupported: (set: string, v: string) => set === "ExcelApi" && v === "1.12" },
      document: {
        settings: {
          get: (name: string) => settings.get(name) ?? null,
          set: (name: string, value: unknown) => settings.set(name, value),
          saveAsync: (callback: (result: { status: string }) => void) => callback({ status: "succeeded" }),
        },
      },
      ui: {
        displayDialogAsync: (url: string, _options: unknown, callback: (result: unknown) => void) => {
          dialogs.push(new URL(url));
          callback({
            status: "succeeded",
            value: { addEventHandler: () => undefined, close: () => undefined },
          });
        },
      },
    },
  };
}

beforeAll(async () => {
  stub = await startStubGateway();
});
afterAll(() => stub.close());
beforeEach(async () => {
  await connectToStub(stub);
  workbook = freshWorkbook("Sheet1");
  workbook.evaluate = async () => (await EOL.divisions(false, null))[0][0];
  dialogs = [];
  fakeOfficeHost({ office: dutchOffice() });
  (globalThis as unknown as { location?: URL }).location = new URL("https://eol.example.com/taskpane.html");
  progress = [];
  stopListening = on("progress", (event) => progress.push(event));
});
afterEach(() => {
  stopListening();
  chooseLanguage(null);
  resetOfficeHost();
  delete (globalThis as unknown as { location?: URL }).location;
});

test("Refresh all: Dutch steps and a Dutch summary with the counts", async () => {
  workbook.setFormula("Sheet1", 0, 0, "=EOL.DIVISIONS()");
  workbook.sheets.set("Beveiligd", new Map());
  workbook.protectedSheets.add("Beveiligd");
  workbook.setFormula("Beveiligd", 0, 0, "=EOL.DIVISIONS()");
  expect(await refreshAll()).toMatchObject({ cells: 2, refreshed: 1, inError: 0, calculating: 0 });
  expect(progress.map((event) => event.label)).toEqual([
    "Opgeslagen Exact Online-gegevens wissen",
    "Elke EOL-formule opnieuw uitvoeren",
    "Verse gegevens ophalen",
    "Klaar: 1 van 2 EOL-formules vernieuwd, 0 met een fout, 1 overgeslagen (1 op een beveiligd blad)",
  ]);
});

test("Divisions sheet: a Dutch sheet name, 'data as of' line and progress; the gateway's column names", async () => {
  await insertDivisionsSheet();
  expect([...workbook.sheets.keys()]).toEqual(["Sheet1", "Administraties"]);
  expect(workbook.cell("Administraties", 0, 0)?.value).toBe("Gegevens van 2026-11-21 10:15 UTC");
  expect(workbook.cell("Administraties", TABLE_HEADER_ROW, 0)?.value).toBe("Division");
  expect(progress.map((event) => event.label)).toEqual([
    "Lezen uit Exact Online",
    "2 rijen schrijven",
    "Klaar",
  ]);
});

test("Access review: Dutch heading lines and table titles", async () => {
  await insertAccessReviewSheet();
  const line = (row: number) => workbook.cell("Toegangsreview", row, 0)?.value;
  expect(line(0)).toBe("Toegangsreview");
  expect(line(1)).toMatch(/^Bereik: alle toegankelijke administraties \(\d+ administraties\)$/);
  expect(line(3)).toBe("Beoordelaar: Ann Admin");
  expect(line(4)).toMatch(
    /^Wijzigingen sinds \d{4}-\d{2}-\d{2} \(eerste review van deze werkmap: de laatste 90 dagen\)$/,
  );
  expect(line(5)).toMatch(/^Niet afgetekend: kies per rij een Beslissing en teken dan af \(vóór /);
  expect(line(7)).toBe("Houders van rol 274");
  expect(progress.map((event) => event.label)).toEqual([
    "De toegangsreview uit Exact Online lezen",
    "Het blad voor de toegangsreview schrijven",
    "De reviewdatum in deze werkmap onthouden",
    "Klaar",
  ]);
});

test("a failed ribbon button: its Dutch label and the Dutch text for the gateway's error code", async () => {
  jest.spyOn(console, "error").mockImplementation(() => undefined);
  stub.failures.set("/api/v1/cache", { status: 502, code: "exact_unavailable", message: "Gateway busy." });
  const completed = jest.fn();
  await runCommand("clearCache", { completed });
  expect(completed).toHaveBeenCalledTimes(1);
  expect(dialogs).toHaveLength(1);
  // The dialog's address carries codes; notice.html takes the words from the catalogue.
  const notice = noticeFromQuery(dialogs[0].search);
  expect(notice).toMatchObject({ button: "clearCache", failed: true, code: "exact_unavailable" });
  expect(noticeTexts(addinStrings(), notice!)).toEqual({
    title: "Cache wissen: niet gelukt",
    text: "Exact Online is nu niet bereikbaar. Probeer het over een paar minuten opnieuw.",
  });
});

test("outside Excel the reason is Dutch too", async () => {
  fakeOfficeHost({ excel: undefined }); // no workbook behind the adapter
  await expect(refreshAll()).rejects.toThrow(
    "Werkt alleen in Excel: open dit taakvenster via het tabblad Exact Online in Excel.",
  );
});

test("English display language, or English chosen in the pane, gives English labels", async () => {
  fakeOfficeHost({ office: dutchOffice("en-US") });
  await insertDivisionsSheet();
  fakeOfficeHost({ office: dutchOffice("nl-NL") });
  chooseLanguage("en"); // the pane's language menu
  await insertDivisionsSheet();
  expect([...workbook.sheets.keys()]).toEqual(["Sheet1", "Divisions", "Divisions (2)"]);
  expect(progress.at(-1)?.label).toBe("Done");
});
