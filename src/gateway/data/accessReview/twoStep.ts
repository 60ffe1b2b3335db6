/**
 * The two-step verification findings of the access review, from the user record's
 * HasTwoStepVerification ("must use two-step verification to log in") and
 * HasRegisteredForTwoStepVerification ("completed the registration"). A user whose login has ended
 * cannot log in at all, so only the login finding is reported for them; a record without the fields
 * (an Exact that no longer sends them) says nothing either way.
 */
import type { ExactRecord } from "../../exact/odata";

export type TwoStepFinding = "noTwoStep" | "twoStepUnregistered";

export const TWO_STEP_FINDING_TEXT: Readonly<Record<TwoStepFinding, string>> = {
  noTwoStep: "Holds roles without two-step verification",
  twoStepUnregistered: "Two-step required but not registered",
};

export function twoStepFinding(user: ExactRecord): TwoStepFinding | null {
  if (user.HasTwoStepVerification === false) return "noTwoStep";
  if (user.HasTwoStepVerification === true && user.HasRegisteredForTwoStepVerification === false) {
    return "twoStepUnregistered";
  }
  return null;
}
