/** @jest-environment jsdom */
/**
 * A long table request of the runtime's data layer (as a custom function makes it) shows its fan-out's
 * progress in the pane, polled from the gateway by the id the request carried, until it is answered.
 */
import "@testing-library/jest-dom";
import { act, screen, waitFor } from "@testing-library/react";
import type { ProgressResponse, TableResponse } from "../../../src/shared/api";
import { REQUEST_ID_HEADER } from "../../../src/shared/api";
import { apiError, fakeGateway, signInRoutes, type RecordedRequest } from "../../support/addin/fakeGateway";
import { renderPane, resetPaneState } from "../../support/addin/renderPane";

beforeEach(resetPaneState);

const answer: TableResponse = {
  columns: [{ name: "User ID", type: "guid" }],
  rows: [],
  asOf: "2026-11-21T10:00:00.000Z",
  divisions: [],
  divisionSource: "all",
  cached: false,
};

/** A gateway whose role-holders request waits for release(); its progress grows 340 → 900 of 1,500. */
function slowGateway(recorded = true) {
  let release: () => void = () => undefined;
  const progressPolls: string[] = [];
  let requestId: string | undefined;
  const routes = signInRoutes();
  routes["GET /api/v1/role-holders"] = (request: RecordedRequest) => {
    requestId = request.headers[REQUEST_ID_HEADER];
    return new Promise((resolve) => (release = () => resolve({ status: 200, body: answer })));
  };
  routes["GET /api/v1/progress/:id"] = (request) => {
    const id = request.path.split("/").pop()!;
    progressPolls.push(id);
    if (!recorded || id !== requestId)
      return apiError(404, "not_found", "No request in progress with this ID.");
    const done = progressPolls.length === 1 ? 340 : 900;
    const body: ProgressResponse = {
      requestId: id,
      table: "role-holders",
      done,
      total: 1500,
      finished: false,
    };
    return { status: 200, body };
  };
  const gateway = fakeGateway(routes);
  return { ...gateway, progressPolls, requestIdSent: () => requestId, release: () => release() };
}

test.each([
  ["en" as const, "Role holders: 340 of 1,500 divisions", "Role holders: 900 of 1,500 divisions"],
  ["nl" as const, "Rolhouders: 340 van 1.500 administraties", "Rolhouders: 900 van 1.500 administraties"],
])(
  "%s: the progress bar appears with the divisions done, grows, and goes when the answer arrives",
  async (language, first, second) => {
    localStorage.setItem("eol.sessionToken", "tok-123");
    const gateway = slowGateway();
    renderPane(gateway.client, { language });
    expect(await screen.findByText("Jan de Vries")).toBeInTheDocument();
    const pending = gateway.client.table("role-holders", { roles: 274 });

    expect(await screen.findByText(first, {}, { timeout: 3000 })).toBeInTheDocument();
    const bar = screen.getByRole("progressbar", { name: first });
    expect(bar).toHaveAttribute("aria-valuenow", String(340 / 1500));
    expect(await screen.findByRole("progressbar", { name: second }, { timeout: 3000 })).toBeInTheDocument();
    // The pane asked for the very request the data layer sent.
    expect(gateway.requestIdSent()).toMatch(/^[0-9a-f]{32}$/);
    expect(new Set(gateway.progressPolls)).toEqual(new Set([gateway.requestIdSent()]));

    await act(async () => {
      gateway.release();
      await pending;
    });
    await waitFor(() => expect(screen.queryByRole("progressbar", { name: second })).not.toBeInTheDocument());
    expect(screen.queryByText(second)).not.toBeInTheDocument();
    expect(screen.queryByRole("progressbar")).toBeNull();
    // Nothing in flight: the pane stops asking.
    const polls = gateway.progressPolls.length;
    await act(() => new Promise((resolve) => setTimeout(resolve, 1200)));
    expect(gateway.progressPolls).toHaveLength(polls);
  },
  15_000,
);

test("a request without recorded progress (a small scope: 404) shows no bar", async () => {
  localStorage.setItem("eol.sessionToken", "tok-123");
  const gateway = slowGateway(false);
  renderPane(gateway.client);
  expect(await screen.findByText("Jan de Vries")).toBeInTheDocument();
  const pending = gateway.client.table("role-holders", { roles: 274, divisions: "101" });
  await waitFor(() => expect(gateway.progressPolls.length).toBeGreaterThanOrEqual(2), { timeout: 3500 });
  expect(screen.queryByRole("progressbar")).toBeNull();
  await act(async () => {
    gateway.release();
    await pending;
  });
}, 15_000);
