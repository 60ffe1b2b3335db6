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

interface Shared {
  current: SignInState;
  listeners: Set<Listener>;
}

// On globalThis: the ribbon (commands bundle) and the pane (taskpane bundle) each carry their own copy
// of this module, but share one window; this keeps one state for both.
const KEY = Symbol.for("eol-for-excel.signInState");
const scope = globalThis as typeof globalThis & { [KEY]?: Shared };
const shared: Shared = (scope[KEY] ??= { current: { phase: "idle" }, listeners: new Set() });

export function getSignInState(): SignInState {
  return shared.current;
}

export function setSignInState(state: SignInState): void {
  shared.current = state;
  for (const listener of shared.listeners) listener(state);
}

export function onSignInState(listener: Listener): () => void {
  shared.listeners.add(listener);
  return () => shared.listeners.delete(listener);
}
