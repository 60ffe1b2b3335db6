/** @jest-environment jsdom */
import type { HostTheme } from "../../../src/addin/office/environment";
import { initialLanguage, initialTheme } from "../../../src/addin/taskpane/preferences";
import { fakeOfficeHost, resetOfficeHost } from "../../support/officeHost";

type OfficeStub = { context: { displayLanguage?: string; officeTheme?: HostTheme } };

function setOffice(office: OfficeStub | undefined): void {
  if (office) fakeOfficeHost({ office });
  else resetOfficeHost();
}

function prefersDark(dark: boolean): void {
  window.matchMedia = ((query: string) => ({
    matches: dark && query.includes("dark"),
  })) as typeof window.matchMedia;
}

afterEach(() => setOffice(undefined));

describe("theme", () => {
  test("URL parameter wins", () => {
    setOffice({ context: { officeTheme: { isDarkTheme: false } } });
    expect(initialTheme("?theme=dark")).toBe("dark");
  });

  test("Office's isDarkTheme, else its body background", () => {
    setOffice({ context: { officeTheme: { isDarkTheme: true } } });
    expect(initialTheme("")).toBe("dark");
    setOffice({ context: { officeTheme: { bodyBackgroundColor: "#262626" } } });
    expect(initialTheme("")).toBe("dark");
    setOffice({ context: { officeTheme: { bodyBackgroundColor: "#FFFFFF" } } });
    expect(initialTheme("")).toBe("light");
  });

  test("outside Office the browser's colour scheme", () => {
    prefersDark(true);
    expect(initialTheme("")).toBe("dark");
    prefersDark(false);
    expect(initialTheme("?theme=purple")).toBe("light");
  });
});

describe("language", () => {
  test("URL parameter, then Office's display language, then the browser", () => {
    setOffice({ context: { displayLanguage: "nl-NL" } });
    expect(initialLanguage("?lang=en")).toBe("en");
    expect(initialLanguage("")).toBe("nl");
    setOffice({ context: { displayLanguage: "fr-FR" } });
    expect(initialLanguage("")).toBe("en");
    setOffice(undefined);
    jest.spyOn(navigator, "language", "get").mockReturnValue("nl-BE");
    expect(initialLanguage("?lang=de")).toBe("nl");
  });
});
