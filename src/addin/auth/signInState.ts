/**
 * What the sign-in is doing right now, shared by the ribbon and the task pane (one runtime, one module):
 * the pane shows the progress and the last error even when the ribbon started the sign-in. Every
 * change is published as the "sign-in" event (../events.ts).
 */
import { emit, type SignInState } from "../events";

export type { SignInState };

let current: SignInState = { phase: "idle" };

export function getSignInState(): SignInState {
  return current;
}

export function setSignInState(state: SignInState): void {
  current = state;
  emit("sign-in", state);
}
