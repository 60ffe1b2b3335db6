/**
 * GET /docs/XMLDivisions.aspx: the legacy XML list of divisions (reference §5.5), Bearer-authenticated and
 * counted against the same rate limits. Lists the divisions system/Divisions would list.
 */
import { indexOf } from "../data/lookup";
import { escapeXml } from "../odata/format";
import type { SimResponse, SimulatorState } from "../state";
import { authenticate, budgetKey } from "./api";

export function xmlDivisions(
  state: SimulatorState,
  authorization: string | undefined,
): { response: SimResponse; clientId: string | null; userId: string | null } {
  const grant = authenticate(state, authorization);
  if (!grant) {
    return {
      response: { status: 401, headers: { "Content-Type": "text/plain" }, body: "Unauthorized" },
      clientId: null,
      userId: null,
    };
  }
  const user = indexOf(state.dataset).user.get(grant.userId)!;
  const ids = { clientId: grant.clientId, userId: grant.userId };
  const decision = state.limiter.take(budgetKey(state, grant.clientId, null, user));
  if (!decision.allowed) return { ...ids, response: { status: 429, headers: decision.headers, body: "" } };
  const index = indexOf(state.dataset).division;
  const items = user.divisions
    .filter((code) => grant.divisions.includes(code))
    .map((code) => index.get(code)!)
    .map(
      (division) =>
        `<Administration Code="${division.code}" HID="${division.hid}"` +
        `${division.code === user.currentDivision ? ' Current="True"' : ""}>` +
        `<Description>${escapeXml(division.description)}</Description></Administration>`,
    );
  const body = `<?xml version="1.0" encoding="utf-8"?><Administrations>${items.join("")}</Administrations>`;
  return {
    ...ids,
    response: {
      status: 200,
      headers: { ...decision.headers, "Content-Type": "application/xml; charset=utf-8" },
      body,
    },
  };
}
