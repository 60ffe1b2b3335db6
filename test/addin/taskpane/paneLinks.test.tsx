/** @jest-environment jsdom */
/**
 * The pane's links: function help, support and privacy on the gateway in the pane's language, and
 * Exact's App Center, each opening outside the pane; relative to the pane's page, so they follow a
 * gateway served below a path.
 */
import "@testing-library/jest-dom";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { fakeGateway, signInRoutes } from "../../support/addin/fakeGateway";
import { renderPane, resetPaneState } from "../../support/addin/renderPane";

beforeEach(resetPaneState);

function links(name: RegExp): Record<string, string> {
  const nav = screen.getByRole("navigation", { name });
  return Object.fromEntries(
    within(nav)
      .getAllByRole("link")
      .map((link) => {
        expect(link).toHaveAttribute("target", "_blank");
        expect(link).toHaveAttribute("rel", "noopener noreferrer");
        return [
          link.textContent!,
          new URL(link.getAttribute("href")!, "https://eol.example.com/addin/taskpane.html").href,
        ];
      }),
  );
}

test("the pane links to the gateway's help, support and privacy pages and to Exact's App Center", async () => {
  renderPane(fakeGateway(signInRoutes()).client);
  await screen.findByRole("navigation", { name: "Help and links" });
  expect(links(/Help and links/)).toEqual({
    "Function help": "https://eol.example.com/addin/help/en/index.html",
    Support: "https://eol.example.com/addin/help/en/support.html",
    Privacy: "https://eol.example.com/addin/help/en/privacy.html",
    "Register your Exact app": "https://apps.exactonline.com/",
  });
});

test("in Dutch the links go to the Dutch pages, and follow the language menu", async () => {
  renderPane(fakeGateway(signInRoutes()).client, { language: "nl" });
  await screen.findByRole("navigation", { name: "Hulp en links" });
  expect(links(/Hulp en links/)).toEqual({
    "Hulp bij de functies": "https://eol.example.com/addin/help/nl/index.html",
    Ondersteuning: "https://eol.example.com/addin/help/nl/support.html",
    Privacyverklaring: "https://eol.example.com/addin/help/nl/privacy.html",
    "Uw Exact-app registreren": "https://apps.exactonline.com/",
  });
  await userEvent.selectOptions(screen.getByRole("combobox", { name: /Taal/ }), "en");
  expect(links(/Help and links/)["Function help"]).toBe("https://eol.example.com/addin/help/en/index.html");
});
