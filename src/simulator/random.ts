/** Seeded pseudo-random numbers (mulberry32): the same seed always gives the same data, faults and latency. */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0 || 0x9e3779b9;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max] (both inclusive). */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  /** A lower-case GUID built from this generator (version-4 layout). */
  guid(): string {
    const a = this.uint32();
    const b = this.uint32();
    const c = this.uint32();
    const d = this.uint32();
    const h = BYTE_HEX;
    return (
      `${h[a >>> 24]}${h[(a >>> 16) & 255]}${h[(a >>> 8) & 255]}${h[a & 255]}-${h[b >>> 24]}${h[(b >>> 16) & 255]}-` +
      `4${h[(b >>> 8) & 15].charAt(1)}${h[b & 255]}-${"89ab"[c >>> 30]}${h[(c >>> 24) & 15].charAt(1)}${h[(c >>> 16) & 255]}-` +
      `${h[(c >>> 8) & 255]}${h[c & 255]}${h[d >>> 24]}${h[(d >>> 16) & 255]}${h[(d >>> 8) & 255]}${h[d & 255]}`
    );
  }

  private uint32(): number {
    return Math.floor(this.next() * 4294967296);
  }

  /** `count` distinct items from `items`, in their original order (partial Fisher-Yates). */
  sample<T>(items: readonly T[], count: number): T[] {
    const take = Math.min(count, items.length);
    const indexes = new Int32Array(items.length);
    for (let i = 0; i < indexes.length; i++) indexes[i] = i;
    for (let i = 0; i < take; i++) {
      const j = i + Math.floor(this.next() * (indexes.length - i));
      const swap = indexes[i];
      indexes[i] = indexes[j];
      indexes[j] = swap;
    }
    const chosen = indexes.subarray(0, take).sort();
    return Array.from(chosen, (i) => items[i]);
  }
}

const BYTE_HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));
