/** The sign-in routes' bodies and answers (/auth), as schemas with their types derived. */
import { Type, type Static } from "@sinclair/typebox";
import { COUNTRIES } from "../countries";
import { nullable, oneOf } from "./schemaParts";

const Country = oneOf(COUNTRIES);

/** GET /auth/config. */
export const AuthConfig = Type.Object({
  /** True when the admin configured the Exact app on the gateway; the add-in then only signs in. */
  managed: Type.Boolean(),
  /** Country of the managed app (only when managed). */
  country: Type.Optional(Country),
  /** The callback URL to register in Exact's App Center (this gateway's /auth/callback). */
  redirectUri: Type.String(),
  /** Countries this gateway accepts; includes "demo" when the built-in simulator runs. */
  countries: Type.Array(Country),
});
export type AuthConfig = Static<typeof AuthConfig>;

/** A value the body may leave out, send as null or as text (its meaning is checked by the gateway). */
const optionalText = () =>
  Type.Optional(Type.Unsafe<string | null>({ type: ["string", "null"], description: "must be a string" }));

/** Random string the add-in keeps in memory; proves the redeemer started the login. */
const loginSecret = Type.String({
  minLength: 32,
  maxLength: 1024,
  description: "must be a random string of 32 to 1024 characters",
});

/** POST /auth/logins: exactly these fields (docs/auth.md). */
export const LoginRequest = Type.Object(
  {
    loginSecret,
    country: optionalText(),
    clientId: optionalText(),
    clientSecret: optionalText(),
    redirectUri: optionalText(),
  },
  { additionalProperties: false },
);
export type LoginRequest = Static<typeof LoginRequest>;

/** 201 to POST /auth/logins. */
export const LoginStarted = Type.Object({
  loginId: Type.String(),
  /** Same-origin URL to open in the Office dialog / popup. */
  startUrl: Type.String(),
  expiresAt: Type.String(),
});
export type LoginStarted = Static<typeof LoginStarted>;

/**
 * POST /auth/logins/:id/redeem. The completion code comes from the LoginCompletedMessage (only the window
 * that ran the sign-in receives it); a malformed one is refused later as the wrong window's.
 */
export const RedeemRequest = Type.Object(
  { loginSecret, completionCode: Type.Optional(Type.Unknown()) },
  { additionalProperties: false },
);
export type RedeemRequest = Static<typeof RedeemRequest>;

/** POST /auth/logins/:id/identify: "Try again" in the sign-in window, with the code it was handed. */
export const IdentifyRequest = Type.Object(
  {
    completionCode: Type.String({
      pattern: "^[A-Za-z0-9_-]{43}$",
      description: "must be the completion code this sign-in window was handed",
    }),
  },
  { additionalProperties: false },
);
export type IdentifyRequest = Static<typeof IdentifyRequest>;

/** Where the sign-in window goes next (auth-complete.html with the new status). */
export const IdentifyResponse = Type.Object({ location: Type.String() });
export type IdentifyResponse = Static<typeof IdentifyResponse>;

/** GET /auth/session. */
export const SessionInfo = Type.Object({
  user: Type.Object({
    id: Type.String(),
    fullName: Type.String(),
    userName: Type.String(),
    email: nullable(Type.String()),
  }),
  country: Country,
  /** e.g. "3f1c…-…-…c2a9" masked to its first and last 4 characters. */
  clientIdMasked: Type.String(),
  currentDivision: nullable(Type.Number()),
  managed: Type.Boolean(),
});
export type SessionInfo = Static<typeof SessionInfo>;

/** 200 to POST /auth/logins/:id/redeem (once). */
export const RedeemResponse = Type.Object({ sessionToken: Type.String(), session: SessionInfo });
export type RedeemResponse = Static<typeof RedeemResponse>;
