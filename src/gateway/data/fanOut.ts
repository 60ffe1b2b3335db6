/**
 * Runs work for many divisions at once, at most `width` at a time, and stops starting new work after
 * the first failure: a request that is going to fail anyway spends no more calls (or errors) at Exact.
 */
export async function fanOut<T>(
  items: readonly number[],
  width: number,
  work: (item: number) => Promise<T>,
): Promise<T[]> {
  const results = new Array<T>(items.length);
  let next = 0;
  let failure: { error: unknown } | null = null;
  const lane = async (): Promise<void> => {
    while (failure === null && next < items.length) {
      const index = next;
      next += 1;
      try {
        results[index] = await work(items[index]);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(width, items.length)) }, lane));
  if (failure !== null) throw (failure as { error: unknown }).error;
  return results;
}
