import type { ListCount } from "@/server/requests/list-counts";

// How a list says how much it holds: "1–25 of 312" when every number is exact; "1–25 of about
// 198,000" past the counting bound (the total is then an estimate, rounded so it does not look exact);
// "25 shown, of about 198,000" when even where the page starts was past the bound.

export type ResultCountLabel =
  | { key: "range"; values: { from: number; to: number; total: number } }
  | { key: "rangeAbout"; values: { from: number; to: number; total: number } }
  | { key: "shownAbout"; values: { shown: number; total: number } };

/** The label of a page of `shown` rows, `before` rows after the list's start (null: not counted). */
export function resultCountLabel(total: ListCount, before: number | null, shown: number): ResultCountLabel {
  if (before === null) return { key: "shownAbout", values: { shown, total: roughly(total.count) } };
  const [from, to] = [before + 1, before + shown];
  // A request may arrive between the page and its count: the total is never less than the page shows.
  if (total.exact) return { key: "range", values: { from, to, total: Math.max(total.count, to) } };
  return { key: "rangeAbout", values: { from, to, total: Math.max(roughly(total.count), to) } };
}

/** An estimate to two significant digits: 198,347 → 200,000; 1,234 → 1,200. */
export function roughly(count: number): number {
  if (count < 100) return count;
  const unit = 10 ** (Math.floor(Math.log10(count)) - 1);
  return Math.round(count / unit) * unit;
}

/** A status tab's count: the number, or "1,000+" past the bound. */
export function statusCountLabel(count: ListCount): { key: "exact" | "atLeast"; values: { count: number } } {
  return { key: count.exact ? "exact" : "atLeast", values: { count: count.count } };
}
