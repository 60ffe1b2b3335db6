/**
 * The progress of this runtime's long table requests (a ROLEHOLDERS or access review over hundreds of
 * divisions): while requests are on their way, every POLL_INTERVAL_MS the pane asks the gateway how far
 * the ones older than that have come. A request without a recorded fan-out (small scopes, or not
 * started yet) answers 404 and shows nothing; an entry goes as soon as its request is answered.
 */
import { useEffect, useState } from "react";
import type { ProgressResponse } from "../../shared/api";
import { useServices } from "./services";

export const POLL_INTERVAL_MS = 1000;
/** Requests asked about per poll: those already showing progress first, then the least asked. */
const POLLED_AT_ONCE = 4;

export function useFanOutProgress(): ProgressResponse[] {
  const { client } = useServices();
  const [entries, setEntries] = useState<ProgressResponse[]>([]);

  useEffect(() => {
    const { inFlight } = client;
    const known = new Map<string, ProgressResponse>();
    const asked = new Map<string, number>();
    let timer: ReturnType<typeof setTimeout> | null = null;
    let polling = false;
    let active = true;
    let last = "[]";

    const publish = (): void => {
      for (const id of [...known.keys(), ...asked.keys()]) {
        if (!inFlight.has(id)) {
          known.delete(id);
          asked.delete(id);
        }
      }
      const shown = [...known.values()].filter((entry) => !entry.finished && entry.total > 0);
      // Re-render only on a change: most requests never show anything.
      const text = JSON.stringify(shown);
      if (active && text !== last) setEntries(shown);
      last = text;
    };
    const schedule = (): void => {
      if (!active || polling || timer !== null || inFlight.list().length === 0) return;
      timer = setTimeout(() => void poll(), POLL_INTERVAL_MS);
    };
    const poll = async (): Promise<void> => {
      timer = null;
      polling = true;
      const due = inFlight
        .list()
        .filter((request) => Date.now() - request.startedAt >= POLL_INTERVAL_MS)
        .sort(
          (a, b) =>
            Number(known.has(b.requestId)) - Number(known.has(a.requestId)) ||
            (asked.get(a.requestId) ?? 0) - (asked.get(b.requestId) ?? 0),
        )
        .slice(0, POLLED_AT_ONCE);
      await Promise.all(
        due.map(async ({ requestId }) => {
          asked.set(requestId, (asked.get(requestId) ?? 0) + 1);
          try {
            known.set(requestId, await client.progress(requestId));
          } catch {
            // Nothing recorded (yet): a small scope, or the fan-out has not started.
          }
        }),
      );
      polling = false;
      publish();
      schedule();
    };

    const unsubscribe = inFlight.subscribe(() => {
      publish();
      schedule();
    });
    schedule();
    return () => {
      active = false;
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
    };
  }, [client]);

  return entries;
}
