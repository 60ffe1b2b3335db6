/**
 * What the pane talks to, behind a React context so tests can hand in a gateway client on a fake
 * fetch, a fake sign-in window or fake actions, while production uses the shared modules.
 */
import { createContext, useContext, type ReactNode } from "react";
import * as actions from "../commands/actions";
import { signOffAccessReview } from "../commands/signOff";
import type { GatewayClient } from "../data/gatewayClient";
import { dataServices } from "../data/services";
import type { SignInWindow } from "../auth/signInWindow";
import { insertFormulaInSelection } from "../office/workbook";

export type PaneActions = Pick<
  typeof actions,
  "refreshAll" | "clearCache" | "insertDivisionsSheet" | "insertRoleAuditSheet" | "insertAccessReviewSheet"
> & { signOffAccessReview: typeof signOffAccessReview };

export interface PaneServices {
  client: GatewayClient;
  actions: PaneActions;
  /** Inside Office (dialog, workbook) or a plain browser tab (popup). */
  inOffice: boolean;
  /** Overrides the sign-in window (tests); the default picks dialog or popup. */
  openWindow?: () => SignInWindow;
  /** Puts a formula into the selected cell; null outside Excel. */
  insertFormula: ((formula: string) => Promise<void>) | null;
}

export function defaultServices(inOffice: boolean): PaneServices {
  return {
    client: dataServices().client,
    actions: { ...actions, signOffAccessReview },
    inOffice,
    insertFormula: inOffice ? insertFormulaInSelection : null,
  };
}

const ServicesContext = createContext<PaneServices | null>(null);

export function ServicesProvider({ value, children }: { value: PaneServices; children: ReactNode }) {
  return <ServicesContext.Provider value={value}>{children}</ServicesContext.Provider>;
}

export function useServices(): PaneServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error("useServices needs a ServicesProvider");
  return services;
}
