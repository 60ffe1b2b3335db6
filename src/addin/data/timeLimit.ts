/**
 * One request's abort signal: the caller's (a cancelled cell) and a time limit in one, so a fetch that
 * hangs ends with a clear error instead of leaving a cell #BUSY! until the browser gives up. Written
 * with a controller and a timer rather than AbortSignal.any/timeout, which older Safari (Excel on Mac)
 * lacks.
 */
export interface TimeLimitedSignal {
  signal: AbortSignal;
  /** True once the time limit (not the caller) ended the request. */
  timedOut(): boolean;
  /** Stops the timer and the listener; call when the request is answered. */
  dispose(): void;
}

export function timeLimitedSignal(limitMs: number, callerSignal?: AbortSignal): TimeLimitedSignal {
  const controller = new AbortController();
  let timedOut = false;
  const onCallerAbort = () => controller.abort(callerSignal?.reason);
  if (callerSignal?.aborted) onCallerAbort();
  else callerSignal?.addEventListener("abort", onCallerAbort, { once: true });
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new Error(`No answer within ${limitMs} ms.`));
  }, limitMs);
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    dispose() {
      clearTimeout(timer);
      callerSignal?.removeEventListener("abort", onCallerAbort);
    },
  };
}

/** "2 minutes", "30 seconds": a time limit as a cell message says it. */
export function describeLimit(ms: number): string {
  if (ms >= 60_000 && ms % 60_000 === 0) {
    const minutes = ms / 60_000;
    return `${minutes} minute${minutes === 1 ? "" : "s"}`;
  }
  const seconds = Math.max(1, Math.round(ms / 1000));
  return `${seconds} second${seconds === 1 ? "" : "s"}`;
}
