/** Renders the real App with test services: a fake gateway behind the real client, fake actions. */
import type { RefreshOutcome } from "../../../src/addin/excel/refreshFormulas";
import { render } from "@testing-library/react";
import { RendererProvider, createDOMRenderer } from "@fluentui/react-components";
import { App } from "../../../src/addin/taskpane/App";
import type { PaneServices } from "../../../src/addin/taskpane/services";
import type { Language } from "../../../src/addin/i18n";
import { setSignInState } from "../../../src/addin/auth/signInState";
import { resetSessionTokenCache } from "../../../src/addin/session/tokenStore";
import type { AccessReviewOptions, RoleAuditOptions } from "../../../src/addin/commands/actions";
import type { GatewayClient } from "../../../src/addin/data/gatewayClient";
import type { ReviewRecord } from "../../../src/shared/api";

export function fakeActions() {
  return {
    refreshAll: jest.fn(async (): Promise<RefreshOutcome | null> => null),
    clearCache: jest.fn(async (): Promise<void> => undefined),
    insertDivisionsSheet: jest.fn(async (): Promise<void> => undefined),
    insertRoleAuditSheet: jest.fn(async (_options?: RoleAuditOptions): Promise<void> => undefined),
    insertAccessReviewSheet: jest.fn(async (_options?: AccessReviewOptions): Promise<void> => undefined),
    signOffAccessReview: jest.fn(async (): Promise<ReviewRecord> => ({
      id: "rev-1",
      sequence: 1,
      signedAt: "2026-11-24T09:30:00.000Z",
      reviewer: { userId: "u-1", fullName: "Jan de Vries", userName: "jan" },
      divisions: [101],
      roles: [274],
      asOf: "2026-11-24T09:00:00.000Z",
      holders: 2,
      findings: 0,
      decisions: 1,
      removals: 0,
      hash: "0123456789abcdef0123",
      previousHash: null,
      licence: "l-1",
      evidence: {},
    })),
  };
}

export function renderPane(
  client: GatewayClient,
  options: { language?: Language; services?: Partial<PaneServices> } = {},
) {
  const actions = fakeActions();
  const services: PaneServices = {
    client,
    actions,
    // Inside Excel unless a test says otherwise (outside, the workbook buttons are disabled).
    inOffice: true,
    insertFormula: null,
    ...options.services,
  };
  // Griffel's CSS goes to a detached document: jsdom's getComputedStyle walks every rule of the page,
  // and with Fluent's thousands of atomic rules each role query would take seconds.
  const renderer = createDOMRenderer(document.implementation.createHTMLDocument("styles"));
  const result = render(
    <RendererProvider renderer={renderer}>
      <App services={services} initialLanguage={options.language ?? "en"} initialTheme="light" />
    </RendererProvider>,
  );
  return { ...result, actions: services.actions as ReturnType<typeof fakeActions> };
}

/** Fresh browser state between tests: no token, no remembered settings, no sign-in in progress. */
export function resetPaneState(): void {
  localStorage.clear();
  resetSessionTokenCache();
  setSignInState({ phase: "idle" });
}

// jsdom has no ResizeObserver; Fluent's MessageBar measures itself with one (browsers all have it).
if (typeof window !== "undefined" && !("ResizeObserver" in window)) {
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
}
