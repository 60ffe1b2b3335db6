/**
 * The shared runtime is one JavaScript context, but taskpane.html loads several webpack bundles
 * (functions.js, commands, task pane) and each carries its own copy of the modules they import. State
 * that must be the same for all of them (the session token, event listeners, result caches) therefore
 * lives on globalThis under one key, created by whichever bundle runs first.
 */
const BAG_KEY = "__eolSharedState";

type Bag = Record<string, unknown>;

export function sharedState<T>(key: string, create: () => T): T {
  const scope = globalThis as unknown as Record<string, Bag | undefined>;
  const bag = (scope[BAG_KEY] ??= {});
  if (!(key in bag)) bag[key] = create();
  return bag[key] as T;
}
