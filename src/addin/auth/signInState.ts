/**
 * What the sign-in is doing right now, shared by the ribbon and the task pane (one runtime): the pane
 * shows the progress and the last error even when the ribbon started the sign-in.
 */
import type { SessionInfo } from "../../shared/api";

export type SignInState =
  | { phase: "idle" }
  | { phase: "signing-in" }
  | { phase: "signed-in"; session: SessionInfo }
  | { phase: "failed"; code: string; message: string };

type Listener = (state: SignInState) => void;

let current: SignInState = { phase: "idle" };
const listeners = new Set<Listener>();

export function getSignInState(): SignInState {
  return current;
}

export function setSignInState(state: SignInState): void {
  current = state;
  for (const listener of listeners) listener(state);
}

export function onSignInState(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
