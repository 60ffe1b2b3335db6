/** autocannon, typed: the part of its options and result the benchmarks use. */
import { createRequire } from "node:module";

export interface LoadResult {
  requests: { average: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
}

export interface LoadOptions {
  url: string;
  connections: number;
  duration: number;
  headers: Record<string, string>;
}

// autocannon ships no types.
export const load = createRequire(__filename)("autocannon") as (options: LoadOptions) => Promise<LoadResult>;
