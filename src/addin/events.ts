/**
 * The add-in's one event bus, typed by event name: the ribbon, the custom functions and the task pane
 * live in one JavaScript context (one webpack module graph, so this module exists once on the page)
 * and tell each other about sign-in, session changes, progress and fresh data.
 */
import type { SessionInfo } from "../shared/api";

/** What the sign-in is doing (auth/signInState.ts keeps the current one). */
export type SignInState =
  | { phase: "idle" }
  | { phase: "signing-in" }
  | { phase: "signed-in"; session: SessionInfo }
  | { phase: "failed"; code: string; message: string };

export interface AddinEvents {
  /** The sign-in started, finished, failed or was reset (signed out). */
  "sign-in": SignInState;
  /** Signed in, signed out, or the session was found invalid. */
  "session-changed": { signedIn: boolean };
  /** Progress of a long operation (Refresh all, insert sheet); done === total means finished. */
  progress: { operation: string; label: string; done: number; total: number; error?: string };
  /**
   * Data was (re)fetched; the task pane refreshes its status and "data as of". `implicitDivision` is set
   * when the answer covered only the user's current division because no division was given.
   */
  "data-refreshed": { asOf: string; implicitDivision?: number };
  /** Office showed or hid the task pane (SharedRuntime 1.1 visibility events). */
  "pane-visibility": { visible: boolean };
}

type Listener<K extends keyof AddinEvents> = (payload: AddinEvents[K]) => void;

// Keyed by event name; each set only ever holds listeners of its own event (see on()).
const listeners = new Map<keyof AddinEvents, Set<Listener<never>>>();

/** Listens to `event`; returns the function that stops listening. */
export function on<K extends keyof AddinEvents>(event: K, listener: Listener<K>): () => void {
  let set = listeners.get(event);
  if (!set) listeners.set(event, (set = new Set()));
  set.add(listener as Listener<never>);
  return () => set.delete(listener as Listener<never>);
}

/** Tells every listener of `event`; one failing listener does not stop the others. */
export function emit<K extends keyof AddinEvents>(event: K, payload: AddinEvents[K]): void {
  for (const listener of [...(listeners.get(event) ?? [])] as Listener<K>[]) {
    try {
      listener(payload);
    } catch (error) {
      console.error(`EOL ${event} listener failed`, error);
    }
  }
}
