/**
 * How a user logs in: two-step verification (Exact's HasTwoStepVerification, "must use it to log in",
 * and HasRegisteredForTwoStepVerification, "completed the registration", on users/Users and
 * system/Users) and the login type (AuthenticationType, a bitmask only system/Users has). The login type
 * comes from the one license-wide system/Users listing the name joins already read, so it costs no call
 * of its own; a user that listing lacks (another license's user, or an app that may not read it) gets
 * "unknown". One Exact Identity users log in with their e-mail address, so for them the e-mail is shown
 * as the user name (their UserName field may be a stale, older login name).
 */
import type { ExactRecord } from "../exact/odata";
import { USER_SELECT } from "./tables";

/** The system/Users listing's fields: the users/Users ones plus the login type. */
export const DIRECTORY_SELECT = [...USER_SELECT, "AuthenticationType"];

export const UNKNOWN_LOGIN = "unknown";

/** AuthenticationType's bits (Exact's API reference, system/Users), in the order they are named. */
const LOGIN_BITS: readonly (readonly [number, string])[] = [
  [2, "Forms"],
  [8, "TOTP"],
  [16, "Auth0 (federated)"],
  [32, "Auth0"],
  [64, "Exact Identity (federated)"],
  [128, "Exact Identity"],
];
const EXACT_IDENTITY_BITS = 64 | 128;
const KNOWN_BITS = LOGIN_BITS.reduce((all, [bit]) => all | bit, 0);

/** "Forms + TOTP", "Exact Identity", …; bits Exact may add later show as "Other (n)"; none: unknown. */
export function loginLabel(authenticationType: unknown): string {
  if (typeof authenticationType !== "number" || !Number.isInteger(authenticationType)) return UNKNOWN_LOGIN;
  if (authenticationType <= 0) return UNKNOWN_LOGIN;
  const names = LOGIN_BITS.filter(([bit]) => (authenticationType & bit) !== 0).map(([, name]) => name);
  const other = authenticationType & ~KNOWN_BITS;
  if (other !== 0) names.push(`Other (${other})`);
  return names.join(" + ");
}

export function isExactIdentity(authenticationType: unknown): boolean {
  return typeof authenticationType === "number" && (authenticationType & EXACT_IDENTITY_BITS) !== 0;
}

/** A user record with its login type (`__login`) and, for Exact Identity users, the e-mail as UserName. */
export type LoginUser = ExactRecord & { __login: string };

/**
 * Adds the login type from the directory (system/Users) to user records from either listing, once per
 * user record (the records are cached and shared, so they are copied, never changed).
 */
export class LoginTypes {
  private readonly byId: Map<unknown, ExactRecord>;
  private readonly done = new WeakMap<ExactRecord, LoginUser>();

  /** `directory`: the system/Users records, or null when the app may not read them. */
  constructor(directory: readonly ExactRecord[] | null) {
    this.byId = new Map((directory ?? []).map((user) => [user.UserID, user]));
  }

  of(user: ExactRecord): LoginUser {
    let result = this.done.get(user);
    if (!result) {
      const type = this.byId.get(user.UserID)?.AuthenticationType;
      const email = typeof user.Email === "string" && user.Email !== "" ? user.Email : null;
      result = {
        ...user,
        __login: loginLabel(type),
        UserName: isExactIdentity(type) && email ? email : user.UserName,
      };
      this.done.set(user, result);
    }
    return result;
  }
}
