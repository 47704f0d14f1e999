// A short excerpt of the text where a search matched, as plain segments: the page renders them as
// text (marking the highlighted ones), so nothing from a request is ever inserted as HTML.

export type Snippet = { text: string; highlight: boolean }[];

const CJK = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3\u3041-\u30ff\u4e00-\u9fff]/u;

/** Lower case without accents, one output character per input character, so positions line up. */
function fold(text: string): string {
  let folded = "";
  for (const char of text) folded += keptFoldings.get(char) ?? foldChar(char);
  return folded;
}

/**
 * Each character's folding, kept for the process: a page of search results folds ~25 texts of a few
 * hundred characters, drawn from far fewer distinct ones, and normalizing each character anew made
 * folding ~6× slower (~200 µs for 1,600 characters, against ~35 µs).
 */
const keptFoldings = new Map<string, string>();
const KEPT_FOLDINGS = 20_000;

function foldChar(char: string): string {
  const accentless = char.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  const folded = accentless.length === 1 ? accentless : char.toLowerCase().length === 1 ? char.toLowerCase() : char;
  if (keptFoldings.size < KEPT_FOLDINGS) keptFoldings.set(char, folded);
  return folded;
}

/** The words of a query as the search reads them: folded, split at anything that is not a letter or digit. */
export function searchTerms(query: string): string[] {
  return [...new Set(fold(query).split(/[^\p{L}\p{N}@._-]+/u).flatMap((word) => word.split(/[._-]+/)).filter((word) => word.length > 0))];
}

export function buildSnippet(text: string, query: string, radius = 90): Snippet {
  const chars = Array.from(text);
  const folded = fold(text);
  const terms = searchTerms(query);
  const marks = new Array<boolean>(chars.length).fill(false);
  const foldedChars = Array.from(folded);
  const haystack = foldedChars.join("");
  for (const term of terms) {
    // Latin words match at the start of a word (the search matches prefixes); Korean and other
    // CJK text matches anywhere, as its words carry endings.
    const anywhere = CJK.test(term);
    let from = 0;
    for (;;) {
      const index = haystack.indexOf(term, from);
      if (index < 0) break;
      const start = Array.from(haystack.slice(0, index)).length;
      const before = foldedChars[start - 1];
      if (anywhere || start === 0 || !before || !/[\p{L}\p{N}]/u.test(before)) {
        for (let i = start; i < start + Array.from(term).length; i += 1) marks[i] = true;
      }
      from = index + term.length;
    }
  }
  const firstMark = marks.indexOf(true);
  const center = firstMark < 0 ? 0 : firstMark;
  const start = Math.max(0, center - radius);
  const end = Math.min(chars.length, center + radius * 2);
  const segments: Snippet = [];
  if (start > 0) segments.push({ text: "…", highlight: false });
  for (let i = start; i < end; i += 1) {
    const char = chars[i] === "\n" ? " " : (chars[i] ?? "");
    const last = segments.at(-1);
    if (last && last.highlight === marks[i] && last.text !== "…") last.text += char;
    else segments.push({ text: char, highlight: Boolean(marks[i]) });
  }
  if (end < chars.length) segments.push({ text: "…", highlight: false });
  return segments;
}
