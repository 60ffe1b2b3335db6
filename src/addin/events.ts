/**
 * A tiny event bus of the shared runtime: the ribbon, the custom functions and the task pane live in
 * one JavaScript context and tell each other about sign-in changes and long-running progress.
 */
export interface AddinEvents {
  /** Signed in, signed out, or the session was found invalid. */
  "session-changed": { signedIn: boolean };
  /** Progress of a long operation (Refresh all, insert sheet); done === total means finished. */
  progress: { operation: string; label: string; done: number; total: number; error?: string };
  /**
   * Data was (re)fetched; the task pane refreshes its status and "data as of". `implicitDivision` is set
   * when the answer covered only the user's current division because no division was given.
   */
  "data-refreshed": { asOf: string; implicitDivision?: number };
}

import { sharedState } from "./sharedState";

type Listener<K extends keyof AddinEvents> = (payload: AddinEvents[K]) => void;

// Keyed by event name; each set only ever holds listeners of its own event (see on()). Shared across
// the page's bundles, so the task pane hears what the functions and ribbon commands emit.
const listeners = sharedState("events", () => new Map<keyof AddinEvents, Set<Listener<never>>>());

export function on<K extends keyof AddinEvents>(event: K, listener: Listener<K>): () => void {
  let set = listeners.get(event);
  if (!set) listeners.set(event, (set = new Set()));
  set.add(listener as Listener<never>);
  return () => set.delete(listener as Listener<never>);
}

export function emit<K extends keyof AddinEvents>(event: K, payload: AddinEvents[K]): void {
  for (const listener of (listeners.get(event) ?? []) as Set<Listener<K>>) {
    try {
      listener(payload);
    } catch (error) {
      console.error(`EOL ${event} listener failed`, error);
    }
  }
}
