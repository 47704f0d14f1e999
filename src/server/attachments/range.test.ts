import { describe, expect, it } from "vitest";
import { contentRange, parseRange } from "./range";

describe("parseRange", () => {
  const size = 1000;

  it("serves the whole file without a Range header", () => {
    expect(parseRange(null, size)).toEqual({ kind: "whole" });
    expect(parseRange("", size)).toEqual({ kind: "whole" });
  });

  it("reads a closed range, clamped to the file", () => {
    expect(parseRange("bytes=0-0", size)).toEqual({ kind: "partial", range: { start: 0, end: 0 } });
    expect(parseRange("bytes=10-19", size)).toEqual({ kind: "partial", range: { start: 10, end: 19 } });
    expect(parseRange("bytes=990-5000", size)).toEqual({ kind: "partial", range: { start: 990, end: 999 } });
    expect(parseRange(" bytes = 5 - 9 ", size)).toEqual({ kind: "partial", range: { start: 5, end: 9 } });
  });

  it("reads an open range to the end", () => {
    expect(parseRange("bytes=100-", size)).toEqual({ kind: "partial", range: { start: 100, end: 999 } });
    expect(parseRange("bytes=999-", size)).toEqual({ kind: "partial", range: { start: 999, end: 999 } });
  });

  it("reads a suffix: the last n bytes, the whole file when n is larger", () => {
    expect(parseRange("bytes=-1", size)).toEqual({ kind: "partial", range: { start: 999, end: 999 } });
    expect(parseRange("bytes=-100", size)).toEqual({ kind: "partial", range: { start: 900, end: 999 } });
    expect(parseRange("bytes=-5000", size)).toEqual({ kind: "partial", range: { start: 0, end: 999 } });
  });

  it("answers unsatisfiable for a range that starts past the end, or an empty suffix", () => {
    expect(parseRange("bytes=1000-", size)).toEqual({ kind: "unsatisfiable" });
    expect(parseRange("bytes=1000-2000", size)).toEqual({ kind: "unsatisfiable" });
    expect(parseRange("bytes=-0", size)).toEqual({ kind: "unsatisfiable" });
  });

  it("ignores what it does not serve: several ranges, other units, malformed or reversed ranges", () => {
    for (const header of ["bytes=0-1,5-6", "items=0-1", "bytes=a-b", "bytes=-", "bytes=5-4", "bytes 0-1", "bytes=1e3-", "bytes=-1-2", "bytes=9999999999999999-"]) {
      expect(parseRange(header, size), header).toEqual({ kind: "whole" });
    }
  });

  it("writes Content-Range for a part and for a refusal", () => {
    expect(contentRange({ start: 0, end: 9 }, size)).toBe("bytes 0-9/1000");
    expect(contentRange(null, size)).toBe("bytes */1000");
  });
});
