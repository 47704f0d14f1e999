import { describe, expect, it } from "vitest";
import { BoundedCache } from "./bounded-cache";

describe("BoundedCache", () => {
  it("makes a value once per key while it is kept", () => {
    const cache = new BoundedCache<number>(100);
    let made = 0;
    const make = () => ++made;
    expect(cache.get("a", make)).toBe(1);
    expect(cache.get("a", make)).toBe(1);
    expect(cache.get("b", make)).toBe(2);
    expect(made).toBe(2);
  });

  it("lets the least recently used keys go past its bound", () => {
    const cache = new BoundedCache<string>(6);
    cache.get("aa", () => "a");
    cache.get("bb", () => "b");
    cache.get("cc", () => "c");
    cache.get("aa", () => "a again"); // used: now the most recent
    cache.get("dd", () => "d"); // 8 > 6: "bb", the least recent, goes
    expect(cache.count).toBe(3);
    expect(cache.get("aa", () => "new")).toBe("a");
    expect(cache.get("bb", () => "b made again")).toBe("b made again");
  });

  it("serves a key larger than its bound without keeping it", () => {
    const cache = new BoundedCache<string>(4);
    cache.get("ab", () => "kept");
    expect(cache.get("too long", () => "served")).toBe("served");
    expect(cache.count).toBe(1);
    expect(cache.get("ab", () => "other")).toBe("kept");
  });

  it("weighs keys as it is told", () => {
    const cache = new BoundedCache<string>(2, () => 1);
    cache.get("a rather long key", () => "one");
    cache.get("another long key", () => "two");
    cache.get("a third", () => "three"); // three entries weigh 3 > 2: the first goes
    expect(cache.count).toBe(2);
    expect(cache.get("a rather long key", () => "made again")).toBe("made again");
  });
});
