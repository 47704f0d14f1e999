import type { ByteRange } from "./store";

// The Range header of a download (RFC 9110 §14): one range of bytes, as `bytes=a-b`, `bytes=a-` or
// `bytes=-n` (the last n bytes). Several ranges, other units or malformed values are ignored — the
// whole file is served, as the RFC allows — so only a well-formed range that starts past the end is
// "unsatisfiable".

export type RangeAnswer = { kind: "whole" } | { kind: "partial"; range: ByteRange } | { kind: "unsatisfiable" };

const SINGLE_RANGE = /^bytes=(\d*)-(\d*)$/;

export function parseRange(header: string | null | undefined, size: number): RangeAnswer {
  if (!header) return { kind: "whole" };
  const match = SINGLE_RANGE.exec(header.trim().replace(/\s+/g, ""));
  if (!match) return { kind: "whole" };
  const [, first = "", last = ""] = match;
  if (first === "" && last === "") return { kind: "whole" };
  // Digits beyond what a number holds exactly are not a range we can answer.
  if (first.length > 15 || last.length > 15) return { kind: "whole" };
  if (first === "") {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return { kind: "unsatisfiable" };
    return { kind: "partial", range: { start: Math.max(0, size - suffix), end: size - 1 } };
  }
  const start = Number(first);
  if (last !== "" && Number(last) < start) return { kind: "whole" };
  if (start >= size) return { kind: "unsatisfiable" };
  return { kind: "partial", range: { start, end: last === "" ? size - 1 : Math.min(Number(last), size - 1) } };
}

/** The Content-Range of a partial answer, or of a 416 (`range` null). */
export function contentRange(range: ByteRange | null, size: number): string {
  return range ? `bytes ${range.start}-${range.end}/${size}` : `bytes */${size}`;
}
