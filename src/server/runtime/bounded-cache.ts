/**
 * A least-recently-used cache for values that follow from their key alone (what a text renders to, a
 * language's parsed messages), bounded by the total weight of its keys: by default their length. A Map
 * keeps insertion order: a hit moves to the end, and the oldest entries go first when the bound is passed.
 */
export class BoundedCache<Value> {
  private readonly entries = new Map<string, Value>();
  private size = 0;

  constructor(
    private readonly bound: number,
    private readonly weigh: (key: string) => number = (key) => key.length,
  ) {}

  get(key: string, make: () => Value): Value {
    const cached = this.entries.get(key);
    if (cached !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, cached);
      return cached;
    }
    const value = make();
    // A key heavier than the whole bound is served, not kept.
    const weight = this.weigh(key);
    if (weight > this.bound) return value;
    this.entries.set(key, value);
    this.size += weight;
    for (const oldest of this.entries.keys()) {
      if (this.size <= this.bound) break;
      this.entries.delete(oldest);
      this.size -= this.weigh(oldest);
    }
    return value;
  }

  get count(): number {
    return this.entries.size;
  }
}
