/** @jest-environment jsdom */
/**
 * The ribbon's latest message waits at the top of the pane until dismissed, also when it was posted
 * before the pane showed (a message Office did not let the ribbon show is read here), in the pane's
 * language; a message asking to sign in goes away once signed in.
 */
import "@testing-library/jest-dom";
import { act, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { dismissNotice, postNotice } from "../../../src/addin/commands/noticeBoard";
import { setSignInState } from "../../../src/addin/auth/signInState";
import { fakeGateway, signInRoutes } from "../../support/addin/fakeGateway";
import { renderPane, resetPaneState } from "../../support/addin/renderPane";

beforeEach(resetPaneState);
afterEach(() => dismissNotice());

test("a message posted before the pane showed is there, in the pane's language, until OK", async () => {
  postNotice({ button: "clearCache", failed: true, code: "exact_unavailable" });
  renderPane(fakeGateway(signInRoutes()).client, { language: "nl" });
  const bar = await screen.findByText(/niet gelukt/);
  expect(bar).toBeInTheDocument();
  await userEvent.click(screen.getByRole("button", { name: "OK" }));
  expect(screen.queryByText(/niet gelukt/)).not.toBeInTheDocument();
});

test("a message asking to sign in goes away once signed in", async () => {
  renderPane(fakeGateway(signInRoutes()).client);
  act(() => postNotice({ button: "refreshAll", failed: true, code: "not_signed_in" }));
  await screen.findByText("Refresh all: not done");
  act(() =>
    setSignInState({
      phase: "signed-in",
      session: { user: { id: "u", fullName: "A", userName: "a", email: null } } as never,
    }),
  );
  expect(screen.queryByText("Refresh all: not done")).not.toBeInTheDocument();
  // The signed-in view now loads its divisions and status: let those answers land inside act.
  await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
});
