import "server-only";
import EmailReplyParser from "email-reply-parser";
import { convert, type HtmlToTextOptions } from "html-to-text";

// From a mail's text to the words its sender wrote: our own notification quoted below our separator
// line, the mail program's quote header ("On … wrote:", a desktop client's "From:/Sent:" block) and the
// signature are cut away. The whole text is kept beside it (fullText) for when this guesses wrong.

const SKIPPED = ["head", "title", "script", "style", "noscript", "template", "svg", "object", "iframe", "img"];

const HTML_OPTIONS: HtmlToTextOptions = {
  wordwrap: false,
  limits: { maxInputLength: 4_000_000, maxDepth: 200 },
  selectors: [
    ...SKIPPED.map((selector) => ({ selector, format: "skip" })),
    { selector: "a", options: { hideLinkHrefIfSameAsText: true, linkBrackets: ["<", ">"] as [string, string] } },
    ...["h1", "h2", "h3", "h4", "h5", "h6"].map((selector) => ({ selector, options: { uppercase: false } })),
  ],
};

/** HTML to plain text: scripts, styles and images dropped, quotes kept as "> " lines (so the reply cutting below sees them). */
export function htmlToText(html: string): string {
  try {
    // Mail HTML spaces paragraphs with empty blocks (<div><br></div>): one blank line between them is enough.
    return convert(html, HTML_OPTIONS)
      .replace(/\u00a0/g, " ")
      .replace(/[ \t]+$/gm, "")
      .replace(/\n{3,}/g, "\n\n");
  } catch {
    // The converter is lenient; this only guards against something it cannot walk at all.
    return html.replace(/<(script|style)[\s\S]*?<\/\1\s*>/gi, " ").replace(/<[^>]*>/g, " ");
  }
}

/** Our separator (REPLY_ABOVE_THIS_LINE), in any language, quoted or not: `##- … -##`. */
const SEPARATOR = /^[\s>]*##-.*-##/;

/** A forwarded message is the point of the mail, not a quote: kept whole below the sender's note. */
const FORWARD_MARKER =
  /^\s*(-{2,}\s*(forwarded message|original message follows|messaggio inoltrato|전달된 메시지)\s*-{2,}|begin forwarded message:|inizio messaggio inoltrato:|-{2,}\s*forwarded message\s*-{2,})\s*$/i;

/** A desktop client's reply header: a "From:" line, with a "Sent:" or "Date:" line among the next few. */
const HEADER_BLOCK_FROM = /^\s*\*?(from|von|de|da|van|fra|från|보낸\s*사람)\s*\*?\s*:/i;
const HEADER_BLOCK_SENT = /^\s*\*?(sent|date|gesendet|datum|envoyé|inviato|data|enviado|verzonden|보낸\s*날짜)\s*\*?\s*:/i;

/** A quote header the reply parser left as the last line: "… wrote:", "… ha scritto:", "… 작성:", or a date and an address ending with a colon. */
const QUOTE_LEAD_IN = /(wrote|schrieb|a écrit|escribió|ha scritto|scritto|skrev|작성|작성했습니다)\s*:\s*$|^.*(\d{4}|\d{1,2}:\d{2}).*<[^<>\s]+@[^<>\s]+>.*:\s*$/i;

/** The reply parser's patterns are not all linear (a 100 kB line takes seconds): a longer text is cut by our own rules only. */
const REPLY_PARSER_LIMIT = 20_000;

function lines(text: string): string[] {
  return text.replace(/\r\n?/g, "\n").split("\n");
}

function cutAtSeparator(all: string[]): string[] {
  const at = all.findIndex((line) => SEPARATOR.test(line));
  return at < 0 ? all : all.slice(0, at);
}

/** Where a "From:/Sent:" block starts (with the rule line drawn above it), or -1. */
function headerBlockStart(all: string[]): number {
  for (let index = 0; index < all.length; index += 1) {
    if (!HEADER_BLOCK_FROM.test(all[index] ?? "")) continue;
    if (all.slice(index + 1, index + 5).some((line) => HEADER_BLOCK_SENT.test(line))) {
      let start = index;
      while (start > 0 && /^\s*(_{5,}|-{5,})?\s*$/.test(all[start - 1] ?? "")) start -= 1;
      return start;
    }
  }
  return -1;
}

const ORIGINAL_MESSAGE = /^\s*-{2,}\s*original message\s*-{2,}\s*$/i;

/** Subject prefixes of a forward: English, Italian (I:, Inoltro:), Korean (전달:), and other common ones. */
export const FORWARD_SUBJECT = /^\s*(fwd?|fw|tr|wg|rv|i|inoltro|inoltrato|전달)\s*:/i;

/** Where the forwarded message starts, or -1. A forward by a desktop client looks like its reply; only the subject ("Fwd:") tells. */
function forwardStart(all: string[], forwarded: boolean): number {
  const marker = all.findIndex((line) => FORWARD_MARKER.test(line));
  if (marker >= 0 || !forwarded) return marker;
  const starts = [headerBlockStart(all), all.findIndex((line) => ORIGINAL_MESSAGE.test(line))].filter((index) => index >= 0);
  return starts.length > 0 ? Math.min(...starts) : -1;
}

function withoutTrailingQuote(all: string[]): string[] {
  const kept = [...all];
  for (;;) {
    while (kept.length > 0 && (kept[kept.length - 1] ?? "").trim() === "") kept.pop();
    const last = kept[kept.length - 1];
    if (last === undefined) return kept;
    // Lead-ins are short lines ending in a colon; the length check keeps the pattern off long lines.
    const leadIn = last.length <= 400 && last.trimEnd().endsWith(":") && QUOTE_LEAD_IN.test(last);
    if (/^\s*>/.test(last) || leadIn) kept.pop();
    else return kept;
  }
}

function stripReply(text: string): string {
  const all = lines(text);
  const block = headerBlockStart(all);
  let head = (block < 0 ? all : all.slice(0, block)).join("\n");
  if (head.length <= REPLY_PARSER_LIMIT) head = new EmailReplyParser().read(head).getVisibleText();
  return withoutTrailingQuote(lines(head)).join("\n");
}

/**
 * The new part of a reply: cut at our separator, then quote headers, quotes and signature removed.
 * A forwarded message (a forward marker, or a "Fwd:" subject: `forwarded`) keeps what was forwarded.
 * Never empty when the mail had text: if nothing is left, the whole text is the reply (a mail that
 * is all quote is better shown than lost).
 */
export function replyTextOf(fullText: string, options: { forwarded?: boolean } = {}): string {
  const all = cutAtSeparator(lines(fullText));
  const forwardAt = forwardStart(all, options.forwarded ?? false);
  const note = stripReply((forwardAt < 0 ? all : all.slice(0, forwardAt)).join("\n")).trim();
  const forwarded = forwardAt < 0 ? "" : all.slice(forwardAt).join("\n").trim();
  const reply = [note, forwarded].filter(Boolean).join("\n\n");
  return reply || fullText.trim();
}
