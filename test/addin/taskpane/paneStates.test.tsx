/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { act, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { emit } from "../../../src/addin/events";
import { SignInError } from "../../../src/addin/auth/signInError";
import { setSignInState } from "../../../src/addin/auth/signInState";
import { setSessionToken } from "../../../src/addin/session/tokenStore";
import {
  apiError,
  fakeGateway,
  fakePopup,
  session,
  signInRoutes,
  statusWithBudgets,
  unmanagedConfig,
} from "../../support/addin/fakeGateway";
import { renderPane, resetPaneState } from "../../support/addin/renderPane";

beforeEach(resetPaneState);
afterEach(() => jest.restoreAllMocks());

function signedIn(): void {
  localStorage.setItem("eol.sessionToken", "tok-123");
}

test("loading state while the gateway's config is on its way", async () => {
  let answer: (value: { status: number; body: unknown }) => void = () => undefined;
  const routes = signInRoutes();
  routes["GET /auth/config"] = () => new Promise((resolve) => (answer = resolve));
  renderPane(fakeGateway(routes).client);
  expect(screen.getByText("Loading…")).toBeInTheDocument();
  expect(screen.queryByRole("button", { name: "Sign in" })).not.toBeInTheDocument();
  await act(async () => answer({ status: 200, body: unmanagedConfig }));
  expect(await screen.findByRole("button", { name: "Sign in" })).toBeInTheDocument();
});

test("error state when the config cannot be loaded, with a working retry", async () => {
  const user = userEvent.setup();
  let fail = true;
  const routes = signInRoutes();
  routes["GET /auth/config"] = () =>
    fail ? apiError(503, "internal_error", "Gateway starting.") : { status: 200, body: unmanagedConfig };
  renderPane(fakeGateway(routes).client);
  expect(await screen.findByRole("alert")).toHaveTextContent(
    /Could not load the sign-in settings.*Gateway starting\./,
  );
  fail = false;
  await user.click(screen.getByRole("button", { name: "Try again" }));
  expect(await screen.findByRole("button", { name: "Sign in" })).toBeInTheDocument();
});

test("signed in: user, country, current division, division count, budgets and data as of", async () => {
  signedIn();
  renderPane(fakeGateway(signInRoutes()).client);
  expect(await screen.findByText("Jan de Vries")).toBeInTheDocument();
  expect(screen.getByText("Netherlands")).toBeInTheDocument();
  expect(await screen.findByText("101 — Bakkerij Jansen BV")).toBeInTheDocument();
  expect(screen.getByText("2")).toBeInTheDocument(); // two divisions
  const budgets = await screen.findByRole("table");
  expect(within(budgets).getByText("57 of 60 left")).toBeInTheDocument();
  expect(within(budgets).getByText("4,990 of 5,000 left")).toBeInTheDocument();
  expect(screen.getByText(/Data as of: 21 Nov 2026/)).toBeInTheDocument();
  for (const name of ["Refresh all", "Clear cache", "Sign out"]) {
    expect(screen.getByRole("button", { name })).toBeInTheDocument();
  }
  expect(screen.queryByRole("textbox", { name: "Client ID" })).not.toBeInTheDocument();
});

test("empty state: no budgets yet and no data fetched", async () => {
  signedIn();
  const routes = signInRoutes();
  routes["GET /api/v1/status"] = () => ({
    status: 200,
    body: { budgets: [], cache: { entries: 0, oldestAsOf: null, newestAsOf: null } },
  });
  routes["GET /api/v1/divisions"] = () => apiError(503, "exact_unavailable", "Exact is down.");
  renderPane(fakeGateway(routes).client);
  expect(await screen.findByText(/No Exact calls yet/)).toBeInTheDocument();
  expect(screen.getByText(/Data as of: no data fetched yet/)).toBeInTheDocument();
  expect(await screen.findByText(/Exact Online is not reachable right now/)).toBeInTheDocument();
  expect(screen.getByText("—")).toBeInTheDocument(); // division count unknown
});

test("with an empty cache, 'data as of' is the division list's own time", async () => {
  signedIn();
  const routes = signInRoutes();
  routes["GET /api/v1/status"] = () => ({
    status: 200,
    body: { budgets: [], cache: { entries: 0, oldestAsOf: null, newestAsOf: null } },
  });
  renderPane(fakeGateway(routes).client);
  expect(await screen.findByText(/Data as of: 21 Nov 2026/)).toBeInTheDocument();
});

/** Routes whose status answer spends one call of the minute budget per reload: 57, 56, 55 … left. */
function spendingStatusRoutes() {
  let remaining = 58;
  const budget = statusWithBudgets.budgets[0];
  return {
    ...signInRoutes(),
    "GET /api/v1/status": () => ({
      status: 200,
      body: { ...statusWithBudgets, budgets: [{ ...budget, minuteRemaining: --remaining }] },
    }),
  };
}

test("a data-refreshed event reloads the status and moves 'data as of'", async () => {
  signedIn();
  const gateway = fakeGateway(spendingStatusRoutes());
  renderPane(gateway.client);
  await screen.findByText("57 of 60 left");
  const before = gateway.requests.filter((r) => r.path === "/api/v1/status").length;
  act(() => emit("data-refreshed", { asOf: "2026-11-22T08:30:00.000Z" }));
  expect(await screen.findByText(/Data as of: 22 Nov 2026/)).toBeInTheDocument();
  // The reloaded status has arrived (so nothing is still on its way when the test ends).
  expect(await screen.findByText("56 of 60 left")).toBeInTheDocument();
  expect(gateway.requests.filter((r) => r.path === "/api/v1/status").length).toBe(before + 1);
});

test("an answer limited to the current division because none was given says which, until the next answer", async () => {
  signedIn();
  renderPane(fakeGateway(spendingStatusRoutes()).client);
  await screen.findByText("57 of 60 left");
  act(() => emit("data-refreshed", { asOf: "2026-11-22T08:30:00.000Z", implicitDivision: 101 }));
  expect(await screen.findByText(/covered only your current division in Exact \(101\)/)).toBeInTheDocument();
  await screen.findByText("56 of 60 left");
  act(() => emit("data-refreshed", { asOf: "2026-11-22T08:31:00.000Z" }));
  expect(screen.queryByText(/covered only your current division/)).not.toBeInTheDocument();
  await screen.findByText("55 of 60 left");
});

test("an expired stored session shows the sign-in form and forgets the token", async () => {
  localStorage.setItem("eol.sessionToken", "stale");
  renderPane(fakeGateway(signInRoutes()).client);
  expect(await screen.findByRole("button", { name: "Sign in" })).toBeInTheDocument();
  expect(localStorage.getItem("eol.sessionToken")).toBeNull();
});

test("Refresh all and Clear cache call the shared actions, show progress and the outcome", async () => {
  const user = userEvent.setup();
  signedIn();
  const { actions } = renderPane(fakeGateway(signInRoutes()).client);
  let finish: () => void = () => undefined;
  actions.refreshAll.mockImplementation(() => new Promise((resolve) => (finish = () => resolve(null))));
  await user.click(await screen.findByRole("button", { name: "Refresh all" }));
  expect(actions.refreshAll).toHaveBeenCalled();
  act(() => emit("progress", { operation: "refresh", label: "Refreshing", done: 2, total: 5 }));
  expect(screen.getByRole("progressbar", { name: "Refreshing: 2 of 5" })).toBeInTheDocument();
  expect(screen.getByRole("button", { name: "Clear cache" })).toBeDisabled();
  await act(async () => {
    emit("progress", { operation: "refresh", label: "Refreshing", done: 5, total: 5 });
    finish();
  });
  expect(await screen.findByText("All EOL formulas were recalculated.")).toBeInTheDocument();
  expect(screen.queryByRole("progressbar")).not.toBeInTheDocument();

  // Where the cells were re-entered and counted, the outcome says how many came back and how many failed.
  actions.refreshAll.mockResolvedValueOnce({
    cells: 8,
    refreshed: 3,
    inError: 1,
    calculating: 1,
    skipped: { protectedSheet: 2, readOnly: 0, notChangeable: 1 },
    unreadRows: 0,
  });
  await user.click(screen.getByRole("button", { name: "Refresh all" }));
  expect(
    await screen.findByText(
      "3 of 8 EOL formulas refreshed, 1 in error, 1 still calculating, 3 skipped (2 on protected sheets, 1 in an array formula or a locked cell).",
    ),
  ).toBeInTheDocument();

  actions.clearCache.mockRejectedValueOnce(Object.assign(new Error("x"), { code: "exact_unavailable" }));
  await user.click(screen.getByRole("button", { name: "Clear cache" }));
  expect(await screen.findByRole("alert")).toHaveTextContent("Exact Online is not reachable right now.");
});

test("insert sheets: Divisions, and Role audit with role 274 by default and a division scope", async () => {
  const user = userEvent.setup();
  signedIn();
  const { actions } = renderPane(fakeGateway(signInRoutes()).client);
  await user.click(await screen.findByRole("button", { name: "Divisions" }));
  expect(actions.insertDivisionsSheet).toHaveBeenCalledTimes(1);

  expect(screen.getByRole("textbox", { name: "Roles" })).toHaveValue("274");
  expect(screen.getByRole("radio", { name: "All divisions" })).toBeChecked();
  await user.click(screen.getByRole("button", { name: "Role audit" }));
  expect(actions.insertRoleAuditSheet).toHaveBeenLastCalledWith({ roles: [274], divisions: "all" });

  await user.click(screen.getByRole("radio", { name: "Current division" }));
  await user.clear(screen.getByRole("textbox", { name: "Roles" }));
  await user.type(screen.getByRole("textbox", { name: "Roles" }), "274, 10");
  await user.click(screen.getByRole("button", { name: "Role audit" }));
  expect(actions.insertRoleAuditSheet).toHaveBeenLastCalledWith({ roles: [274, 10], divisions: "current" });

  await user.type(screen.getByRole("textbox", { name: "Roles" }), ", x");
  expect(screen.getByText(/Use whole numbers/)).toBeInTheDocument();
  await user.click(screen.getByRole("button", { name: "Role audit" }));
  expect(actions.insertRoleAuditSheet).toHaveBeenCalledTimes(2);

  await user.clear(screen.getByRole("textbox", { name: "Roles" }));
  await user.click(screen.getByRole("radio", { name: "Chosen divisions" }));
  await user.click(screen.getByRole("button", { name: "Role audit" }));
  expect(screen.getByText("Choose at least one division.")).toBeInTheDocument();
  const scope = screen.getByRole("group", { name: "Divisions to audit" });
  await user.click(within(scope).getByRole("checkbox", { name: "102 — Jansen Holding" }));
  await user.click(screen.getByRole("button", { name: "Role audit" }));
  expect(actions.insertRoleAuditSheet).toHaveBeenLastCalledWith({ roles: [], divisions: [102] });
});

test("Access review takes the roles and divisions chosen for the audit, and refuses invalid ones", async () => {
  const user = userEvent.setup();
  signedIn();
  const { actions } = renderPane(fakeGateway(signInRoutes()).client);
  await user.click(await screen.findByRole("button", { name: "Access review" }));
  expect(actions.insertAccessReviewSheet).toHaveBeenLastCalledWith({ roles: [274], divisions: "all" });
  await user.click(screen.getByRole("radio", { name: "Current division" }));
  await user.type(screen.getByRole("textbox", { name: "Roles" }), ", 10");
  await user.click(screen.getByRole("button", { name: "Access review" }));
  expect(actions.insertAccessReviewSheet).toHaveBeenLastCalledWith({
    roles: [274, 10],
    divisions: "current",
  });
  await user.type(screen.getByRole("textbox", { name: "Roles" }), ", x");
  await user.click(screen.getByRole("button", { name: "Access review" }));
  expect(actions.insertAccessReviewSheet).toHaveBeenCalledTimes(2);
  expect(actions.insertRoleAuditSheet).not.toHaveBeenCalled();
});

test("Sign off runs the shared action and shows the line the sheet gets", async () => {
  const user = userEvent.setup();
  signedIn();
  const { actions } = renderPane(fakeGateway(signInRoutes()).client);
  await user.click(await screen.findByRole("button", { name: "Sign off" }));
  expect(actions.signOffAccessReview).toHaveBeenCalledTimes(1);
  expect(
    await screen.findByText(
      "Signed off by Jan de Vries at 2026-11-24 09:30 UTC — evidence rev-1, hash 0123456789abcdef",
    ),
  ).toBeInTheDocument();
});

test("sign out returns to the form and forgets the token", async () => {
  const user = userEvent.setup();
  signedIn();
  const gateway = fakeGateway(signInRoutes());
  renderPane(gateway.client);
  const signOut = await screen.findByRole("button", { name: "Sign out" });
  // The session belongs to the add-in's site: signing out ends it in every workbook, and says so.
  expect(signOut).toHaveAccessibleDescription(
    /every workbook that uses EOL for Excel here, not only this one/,
  );
  await user.click(signOut);
  expect(await screen.findByRole("button", { name: "Sign in" })).toBeInTheDocument();
  expect(gateway.requests.some((r) => r.method === "DELETE" && r.path === "/auth/session")).toBe(true);
  expect(localStorage.getItem("eol.sessionToken")).toBeNull();
});

test("a popup closed by the user gives a clear message in the pane", async () => {
  const user = userEvent.setup();
  const popup = fakePopup();
  jest.spyOn(window, "open").mockReturnValue(popup as unknown as Window);
  renderPane(fakeGateway(signInRoutes()).client);
  await user.selectOptions(await screen.findByRole("combobox", { name: "Country" }), "demo");
  await user.click(screen.getByRole("button", { name: "Sign in" }));
  expect(await screen.findByText(/finish the sign-in in the window that opened/)).toBeInTheDocument();
  expect(screen.getByRole("button", { name: "Sign in" })).toBeDisabled();
  popup.close();
  expect(await screen.findByRole("alert")).toHaveTextContent(
    "The sign-in window was closed before sign-in finished. Click Sign in to try again.",
  );
  expect(screen.getByRole("button", { name: "Sign in" })).toBeEnabled();
});

test.each([
  ["12002", "The sign-in page could not be loaded"],
  ["12003", "insecure (http) address"],
  ["12004", "not on the add-in's own domain"],
  ["12005", "does not use https"],
  ["12006", "closed before sign-in finished"],
  ["12007", "Another sign-in window is still open"],
  ["12009", "choose Allow"],
  ["12011", "blocked the sign-in window"],
])("Office dialog error %s is explained in the pane", async (code, text) => {
  const user = userEvent.setup();
  const failing = {
    run: () => Promise.reject(new SignInError(code, `Office ${code}`)),
    close: () => undefined,
  };
  renderPane(fakeGateway(signInRoutes({ ...unmanagedConfig, managed: true })).client, {
    services: { openWindow: () => failing },
  });
  await user.click(await screen.findByRole("button", { name: "Sign in" }));
  expect(await screen.findByRole("alert")).toHaveTextContent(text);
});

test("language: follows the initial language and can be switched, texts and all", async () => {
  const user = userEvent.setup();
  renderPane(fakeGateway(signInRoutes()).client, { language: "nl" });
  expect(await screen.findByRole("button", { name: "Aanmelden" })).toBeInTheDocument();
  expect(screen.getByText("Handleiding")).toBeInTheDocument();
  expect(document.documentElement.lang).toBe("nl");
  await user.selectOptions(screen.getByRole("combobox", { name: "Taal" }), "en");
  expect(screen.getByRole("button", { name: "Sign in" })).toBeInTheDocument();
  expect(screen.getByText("Guide")).toBeInTheDocument();
  expect(document.documentElement.lang).toBe("en");
});

test("guide: how to run an access review, in English and in Dutch", async () => {
  const user = userEvent.setup();
  renderPane(fakeGateway(signInRoutes()).client, { language: "nl" });
  await user.click(await screen.findByRole("button", { name: "Zo doet u een toegangsreview" }));
  expect(screen.getByText(/Kies Toegangsreview .*de laatste 90 dagen/)).toBeInTheDocument();
  await user.selectOptions(screen.getByRole("combobox", { name: "Taal" }), "en");
  // The section stays open across the switch, now in English.
  expect(screen.getByRole("button", { name: "How to run an access review" })).toBeInTheDocument();
  expect(screen.getByText(/Choose Access review .*the last 90 days/)).toBeInTheDocument();
  expect(screen.getByText(/next access review lists the changes since this one/)).toBeInTheDocument();
});

test("guide: register steps, the Manage subscription right and the ROLEHOLDERS formula", async () => {
  const user = userEvent.setup();
  const insertFormula = jest.fn(async () => undefined);
  renderPane(fakeGateway(signInRoutes()).client, { services: { insertFormula, inOffice: true } });
  await user.click(await screen.findByRole("button", { name: "Register an Exact Online app" }));
  expect(screen.getByText(/Manage my apps → Register a production app/)).toBeInTheDocument();
  await user.click(screen.getByRole("button", { name: "Who can register apps?" }));
  expect(screen.getByText(/"Manage subscription" right/)).toBeInTheDocument();
  expect(screen.getByText(/Master data → Users.*"Main contact"/)).toBeInTheDocument();
  await user.click(screen.getByRole("button", { name: "Insert =EOL.ROLEHOLDERS(274)" }));
  expect(insertFormula).toHaveBeenCalledWith("=EOL.ROLEHOLDERS(274)");
  expect(await screen.findByText("Formula inserted in the selected cell.")).toBeInTheDocument();
});

test("a sign-in finished by the ribbon shows up in an open pane, with its token", async () => {
  const gateway = fakeGateway(signInRoutes());
  renderPane(gateway.client);
  await screen.findByRole("button", { name: "Sign in" });
  // The ribbon's sign-in keeps the token in the runtime's one token store, then says it is done.
  await act(() => setSessionToken("tok-123"));
  act(() => setSignInState({ phase: "signed-in", session }));
  expect(await screen.findByText("Jan de Vries")).toBeInTheDocument();
  expect(await screen.findByRole("table")).toBeInTheDocument(); // status loaded with the stored token
  const statusCall = gateway.requests.find((r) => r.path === "/api/v1/status");
  expect(statusCall?.headers.authorization).toBe("Bearer tok-123");
});

test("outside Excel the buttons that need a workbook are disabled, with a one-line reason", async () => {
  signedIn();
  renderPane(fakeGateway(signInRoutes()).client, { services: { inOffice: false } });
  const reason = "Needs Excel: open this task pane from the Exact Online tab in Excel.";
  for (const name of ["Refresh all", "Divisions", "Role audit", "Access review", "Sign off"]) {
    const button = await screen.findByRole("button", { name });
    expect(button).toBeDisabled();
    expect(button).toHaveAccessibleDescription(reason);
  }
  for (const name of ["Clear cache", "Sign out"]) expect(screen.getByRole("button", { name })).toBeEnabled();
  expect(screen.getAllByText(reason).length).toBeGreaterThanOrEqual(1);
});
