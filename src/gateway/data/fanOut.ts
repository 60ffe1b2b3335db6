/**
 * Runs work for many divisions at once, at most `width` at a time, and stops starting new work after
 * the first failure: a request that is going to fail anyway spends no more calls (or errors) at Exact.
 * `progress` hears how many divisions there are and each one that is done (the pane shows it).
 */
export interface FanOutProgress {
  start(count: number): void;
  advance(): void;
}

export async function fanOut<T>(
  items: readonly number[],
  width: number,
  work: (item: number) => Promise<T>,
  progress?: FanOutProgress | null,
): Promise<T[]> {
  const results = new Array<T>(items.length);
  let next = 0;
  let failure: { error: unknown } | null = null;
  progress?.start(items.length);
  const lane = async (): Promise<void> => {
    while (failure === null && next < items.length) {
      const index = next;
      next += 1;
      try {
        results[index] = await work(items[index]);
        progress?.advance();
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(width, items.length)) }, lane));
  if (failure !== null) throw (failure as { error: unknown }).error;
  return results;
}
