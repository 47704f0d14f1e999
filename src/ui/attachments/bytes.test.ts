import { describe, expect, it } from "vitest";
import { formatBytes } from "./bytes";

describe("formatBytes", () => {
  it("names a size in binary multiples, with a decimal below ten", () => {
    expect([340, 1536, 12_800, 3 * 1024 * 1024, 25 * 1024 * 1024].map((bytes) => formatBytes(bytes, "en"))).toEqual(["340 byte", "1.5 kB", "13 kB", "3 MB", "25 MB"]);
  });

  it("writes it in the reader's language, the same on every call", () => {
    for (let call = 0; call < 2; call++) {
      expect(formatBytes(1536, "it")).toBe("1,5 kB");
      expect(formatBytes(3 * 1024 * 1024, "ko")).toBe("3MB");
      expect(formatBytes(1536, "en")).toBe("1.5 kB");
    }
  });
});
