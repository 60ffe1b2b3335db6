/** @jest-environment jsdom */
/**
 * The guide's one-click formula in a Dutch Office: Excel loads the Dutch function names there and does not
 * translate an English one written into the sheet (office-js #891), so the pane inserts the Dutch name.
 */
import "@testing-library/jest-dom";
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { fakeGateway, signInRoutes } from "../../support/addin/fakeGateway";
import { renderPane, resetPaneState } from "../../support/addin/renderPane";
import { fakeOfficeHost, resetOfficeHost } from "../../support/officeHost";

beforeEach(() => {
  resetPaneState();
  fakeOfficeHost({ office: { context: { displayLanguage: "nl-BE" } } });
});
afterEach(resetOfficeHost);

test("in a Flemish Office the guide inserts =EOL.ROLHOUDERS(274), and says so on its button", async () => {
  const user = userEvent.setup();
  const insertFormula = jest.fn(async () => undefined);
  renderPane(fakeGateway(signInRoutes()).client, {
    language: "nl",
    services: { insertFormula, inOffice: true },
  });
  await user.click(await screen.findByRole("button", { name: "Wie mag apps registreren?" }));
  await user.click(screen.getByRole("button", { name: "=EOL.ROLHOUDERS(274) invoegen" }));
  expect(insertFormula).toHaveBeenCalledWith("=EOL.ROLHOUDERS(274)");
});
