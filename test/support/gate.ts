/** Staging races by hand: a gate some work waits at until the test opens it. */

export interface Gate {
  /** Resolves once `open()` is called. */
  wait(): Promise<void>;
  open(): void;
}

export function gate(): Gate {
  let open = (): void => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { wait: () => opened, open: () => open() };
}

/** Whether `promise` is still unsettled after `ms` of real time. */
export async function stillPending(promise: Promise<unknown>, ms = 20): Promise<boolean> {
  let settled = false;
  void promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  await new Promise((resolve) => setTimeout(resolve, ms));
  return !settled;
}
