import type { SessionInfo } from "../../shared/api";
import type { SessionRecord } from "../store/types";

/** "6c1e5f2a-…-2d7c0e1f4a5b" → "6c1e…4a5b": enough to recognise the app, not to reuse it. */
export function maskClientId(clientId: string): string {
  return `${clientId.slice(0, 4)}…${clientId.slice(-4)}`;
}

export function sessionInfo(session: SessionRecord, currentDivision = session.currentDivision): SessionInfo {
  return {
    user: session.user,
    country: session.country,
    clientIdMasked: maskClientId(session.clientId),
    currentDivision,
    managed: session.managed,
  };
}
