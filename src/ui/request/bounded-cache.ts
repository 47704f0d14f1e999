/**
 * A least-recently-used cache whose bound is the total size of its keys, for values that follow from
 * their key alone (what a text renders to). A Map keeps insertion order: a hit moves to the end, and
 * the oldest entries go first when the bound is passed.
 */
export class BoundedCache<Value> {
  private readonly entries = new Map<string, Value>();
  private size = 0;

  constructor(private readonly maxKeyLength: number) {}

  get(key: string, make: () => Value): Value {
    const cached = this.entries.get(key);
    if (cached !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, cached);
      return cached;
    }
    const value = make();
    // A key larger than the whole bound is served, not kept.
    if (key.length > this.maxKeyLength) return value;
    this.entries.set(key, value);
    this.size += key.length;
    for (const oldest of this.entries.keys()) {
      if (this.size <= this.maxKeyLength) break;
      this.entries.delete(oldest);
      this.size -= oldest.length;
    }
    return value;
  }

  get count(): number {
    return this.entries.size;
  }
}
