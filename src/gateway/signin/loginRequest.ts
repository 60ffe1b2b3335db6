/**
 * Turns POST /auth/logins bodies (their shape already checked by the LoginRequest schema) into the app
 * settings of one sign-in: what a schema cannot say (a known country, a GUID, an allowed redirect URI).
 * Every problem is a clear invalid_request naming the field; nothing is stored for a rejected request.
 */
import type { LoginRequest } from "../../shared/api";
import { COUNTRIES, isCountry, type Country } from "../../shared/countries";
import { normaliseClientId, redirectUriProblem, type ManagedApp } from "../config/config";
import { GatewayError } from "../errors";
import { checkRedirectUri } from "./redirectPolicy";

export interface AppSettings {
  country: Country;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  managed: boolean;
}

export interface LoginRequestContext {
  managedApp: ManagedApp | null;
  /** Countries this gateway accepts ("demo" only while the simulator runs). */
  countries: readonly Country[];
  /** This gateway's /auth/callback, the default redirect URI. */
  callbackUrl: string;
  /** Further redirect URIs the administrator allows (EOL_ALLOWED_REDIRECT_URIS). */
  allowedRedirectUris: readonly string[];
  /** Credentials of the simulator's built-in demo app. */
  demoApp: { clientId: string; clientSecret: string } | null;
}

const MAX_SECRET_LENGTH = 1024;

function invalid(message: string): GatewayError {
  return new GatewayError(400, "invalid_request", message);
}

/** An empty or null field is a field left out. */
const given = (value: string | null | undefined): string | undefined =>
  value === null || value === "" ? undefined : value;

const COMPLETION_CODE = /^[A-Za-z0-9_-]{43}$/;

/**
 * The completion code of a redeem body (the one auth-complete.html handed to the task pane), or null
 * when missing or malformed; checked only once the login is known to be completed.
 */
export function readCompletionCode(code: unknown): string | null {
  return typeof code === "string" && COMPLETION_CODE.test(code) ? code : null;
}

/** The app settings of a login body its schema accepted (LoginRequest: the fields and their types). */
export function readLoginRequest(
  body: LoginRequest,
  context: LoginRequestContext,
): AppSettings & { loginSecret: string } {
  const { loginSecret } = body;
  const country = given(body.country);
  const clientId = given(body.clientId);
  const clientSecret = given(body.clientSecret);
  const redirectUri = given(body.redirectUri);

  const managed = context.managedApp;
  if (managed) {
    // Echoing the managed values back is harmless; anything else would override the admin's app.
    const differs =
      (country !== undefined && country !== managed.country) ||
      (clientId !== undefined && normaliseClientId(clientId) !== managed.clientId) ||
      (redirectUri !== undefined && redirectUri !== managed.redirectUri) ||
      clientSecret !== undefined;
    if (differs) {
      throw new GatewayError(
        403,
        "managed_app",
        "This gateway's administrator manages the Exact Online app; sign in without app settings.",
      );
    }
    return { loginSecret, ...managed, managed: true };
  }

  if (!country) throw invalid(`country is required: one of ${context.countries.join(", ")}.`);
  if (!isCountry(country))
    throw invalid(`country must be one of ${COUNTRIES.join(", ")}; got "${country.slice(0, 20)}".`);
  if (!context.countries.includes(country)) {
    throw invalid(
      `country "${country}" is not offered by this gateway; choose one of ${context.countries.join(", ")}.`,
    );
  }
  if (redirectUri !== undefined) {
    const problem = redirectUriProblem(redirectUri);
    if (problem) throw invalid(`redirectUri ${problem}.`);
    checkRedirectUri(redirectUri, context.callbackUrl, context.allowedRedirectUris);
  }
  if (country === "demo" && context.demoApp && !clientId && !clientSecret) {
    return {
      loginSecret,
      country,
      ...context.demoApp,
      redirectUri: redirectUri ?? context.callbackUrl,
      managed: false,
    };
  }
  if (!clientId)
    throw invalid("clientId is required: the client ID (a GUID) of your app in Exact's App Center.");
  const normalised = normaliseClientId(clientId);
  if (!normalised) {
    throw invalid("clientId must be a GUID such as 3f1c0d2e-8a4b-4c6d-9e0f-1a2b3c4d5e6f (braces optional).");
  }
  if (!clientSecret)
    throw invalid("clientSecret is required: the client secret of your app in Exact's App Center.");
  if (clientSecret.length > MAX_SECRET_LENGTH || /[\s]/.test(clientSecret)) {
    throw invalid(
      "clientSecret must be the secret shown in Exact's App Center (no spaces, at most 1024 characters).",
    );
  }
  return {
    loginSecret,
    country,
    clientId: normalised,
    clientSecret,
    redirectUri: redirectUri ?? context.callbackUrl,
    managed: false,
  };
}
