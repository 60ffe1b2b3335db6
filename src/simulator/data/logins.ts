/**
 * Two-step verification and login types the data sets give their users (Exact's HasTwoStepVerification,
 * HasRegisteredForTwoStepVerification and system/Users AuthenticationType: 2 forms, 8 TOTP, 64 Exact
 * Identity federated login, 128 Exact Identity login). The default, forms + TOTP, is in builders.ts.
 */
import type { SeededRandom } from "../random";
import { FORMS_WITH_TOTP, type UserLogin } from "./builders";

/** Password only: two-step not required (a finding for anyone holding roles). */
export const FORMS_ONLY: UserLogin = { twoStepRequired: false, twoStepRegistered: false, authenticationType: 2 };
/** Two-step required but never registered (a finding). */
export const FORMS_UNREGISTERED: UserLogin = { ...FORMS_WITH_TOTP, twoStepRegistered: false };
export const TOTP: UserLogin = { twoStepRequired: true, twoStepRegistered: true, authenticationType: 8 };
export const IDENTITY_FEDERATED: UserLogin = {
  twoStepRequired: true,
  twoStepRegistered: true,
  authenticationType: 64,
};
export const IDENTITY: UserLogin = { twoStepRequired: true, twoStepRegistered: true, authenticationType: 128 };

/** The large set's mix: mostly two-step, a share without, a few unregistered, every login type. */
export function drawLogin(rng: SeededRandom): UserLogin {
  const draw = rng.next();
  if (draw < 0.15) return FORMS_ONLY;
  if (draw < 0.22) return FORMS_UNREGISTERED;
  if (draw < 0.45) return FORMS_WITH_TOTP;
  if (draw < 0.6) return TOTP;
  if (draw < 0.8) return IDENTITY_FEDERATED;
  return IDENTITY;
}
