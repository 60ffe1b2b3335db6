/** The sign-in flow's user-facing error messages (tests assert them; docs/auth.md lists them). */
import { GatewayError } from "../errors";

export const MESSAGES = {
  consentDenied:
    "You declined access in Exact Online, so EOL cannot read your data. Sign in again and choose to allow access.",
  invalidClient:
    "Exact Online rejected the client ID or client secret. Check both against your app in Exact's App Center.",
  unknownClient:
    "Exact Online does not know this client ID. Check the client ID of your app in Exact's App Center.",
  redirectUriMismatch: (uri: string) =>
    `Exact Online does not accept this redirect URI. Register ${uri} as the redirect URI of your app in Exact's App Center.`,
  loginExpired: "This sign-in has expired (sign-ins must finish within 10 minutes). Start the sign-in again.",
  stateMismatch:
    "The answer from Exact Online does not belong to a sign-in started here, or was already used. Start the sign-in again.",
  loginFailed: "This sign-in already ended with an error. Start the sign-in again.",
  codeRejected:
    "Exact Online did not accept the sign-in code (it may have expired). Start the sign-in again.",
  loginNotFound: "This sign-in is unknown to the gateway. Start the sign-in again.",
  wrongLoginSecret: "This sign-in was started by another window. Start the sign-in again.",
  wrongCompletionCode: "This sign-in was not completed in this window. Start the sign-in again.",
  alreadyRedeemed: "This sign-in was already completed. Start a new sign-in if you need another session.",
  pending: "The sign-in has not finished yet. Complete it in the Exact Online window first.",
} as const;

export const LOGIN_TTL_MS = 10 * 60 * 1000;

export const loginExpired = (): GatewayError => new GatewayError(410, "login_expired", MESSAGES.loginExpired);
export const loginNotFound = (): GatewayError =>
  new GatewayError(404, "login_not_found", MESSAGES.loginNotFound);
