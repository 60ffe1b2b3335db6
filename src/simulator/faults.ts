/**
 * Fault injection and latency, deterministic for a seed. Spec: comma-separated `kind:probability`, e.g.
 * "500:0.05,503:0.02,hang:0.01,malformed:0.01,drop:0.01,401mid:0.02". Kinds:
 *   500 | 502 | 503  answer with that status and Exact's error envelope;
 *   hang             never answer (the connection stays open until the client gives up or the simulator closes);
 *   malformed        answer 200 with the JSON cut in half;
 *   drop             destroy the connection without a response;
 *   401mid           answer 401 on a follow-up page (a request carrying $skiptoken), as when a token dies mid-paging.
 * One random draw per API request picks at most one fault.
 */
import { SeededRandom } from "./random";

export const FAULT_KINDS = ["500", "502", "503", "hang", "malformed", "drop", "401mid"] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultRule {
  kind: FaultKind;
  probability: number;
}

export type Latency = number | { min: number; max: number };

export function parseFaultSpec(spec: string | null | undefined): FaultRule[] {
  if (spec === null || spec === undefined || spec.trim() === "") return [];
  const rules = spec.split(",").map((part) => {
    const match = /^\s*([A-Za-z0-9]+)\s*:\s*([0-9]*\.?[0-9]+)\s*$/.exec(part);
    if (!match) throw new Error(`Fault "${part.trim()}" must look like kind:probability, e.g. 500:0.05`);
    const kind = match[1].toLowerCase() as FaultKind;
    if (!FAULT_KINDS.includes(kind)) {
      throw new Error(`Unknown fault kind "${match[1]}"; use one of ${FAULT_KINDS.join(", ")}`);
    }
    const probability = Number(match[2]);
    if (!(probability >= 0 && probability <= 1))
      throw new Error(`Fault probability for ${kind} must be from 0 to 1`);
    return { kind, probability };
  });
  const total = rules.reduce((sum, rule) => sum + rule.probability, 0);
  if (total > 1 + 1e-9) throw new Error(`Fault probabilities add up to ${total}; they must not exceed 1`);
  return rules;
}

export function validateLatency(latency: Latency): Latency {
  const ok = (n: number) => Number.isFinite(n) && n >= 0;
  if (
    typeof latency === "number"
      ? !ok(latency)
      : !ok(latency.min) || !ok(latency.max) || latency.max < latency.min
  ) {
    throw new Error("Latency must be a number of ms >= 0, or { min, max } with 0 <= min <= max");
  }
  return latency;
}

export class FaultInjector {
  private rules: FaultRule[];
  private readonly faultRandom: SeededRandom;
  private readonly latencyRandom: SeededRandom;

  constructor(
    seed: number,
    spec: string | null | undefined,
    private latency: Latency = 0,
  ) {
    this.rules = parseFaultSpec(spec);
    this.faultRandom = new SeededRandom(seed * 7919 + 17);
    this.latencyRandom = new SeededRandom(seed * 104729 + 3);
    validateLatency(latency);
  }

  setSpec(spec: string | null): void {
    this.rules = parseFaultSpec(spec);
  }

  setLatency(latency: Latency): void {
    this.latency = validateLatency(latency);
  }

  /** Real milliseconds to wait before answering this request. */
  nextLatency(): number {
    if (typeof this.latency === "number") return this.latency;
    return this.latencyRandom.int(Math.round(this.latency.min), Math.round(this.latency.max));
  }

  /** The fault for this request, if any. `followUpPage` is true when the request carries $skiptoken. */
  nextFault(followUpPage: boolean): FaultKind | null {
    if (this.rules.length === 0) return null;
    const draw = this.faultRandom.next();
    let cumulative = 0;
    for (const rule of this.rules) {
      cumulative += rule.probability;
      if (draw < cumulative) return rule.kind === "401mid" && !followUpPage ? null : rule.kind;
    }
    return null;
  }
}
