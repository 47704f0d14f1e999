import "server-only";
import { decodedBody, field, readMimeTree, walk, type MimeEntity } from "./mime";

// ISO-2022-KR (RFC 1557), the 7-bit Korean mail charset of older clients, is not among the charsets
// the mail parser decodes: it would show the escape sequences and shifted letters as ASCII. It is a
// plain re-coding of EUC-KR (which the parser knows), so before parsing, every ISO-2022-KR part and
// encoded word is rewritten as EUC-KR; the rest of the message is left byte for byte as it came.

const ISO_2022_KR = /^iso[-_]?2022[-_]?kr$/i;
const DESIGNATOR = "\x1b$)C";
const SHIFT_OUT = 0x0e;
const SHIFT_IN = 0x0f;

/**
 * ISO-2022-KR bytes → EUC-KR bytes, both as latin1 strings: after Shift Out each byte of a KS X 1001
 * pair is the EUC-KR byte less 0x80, until Shift In (or the line's end, where RFC 1557 has the shift
 * end anyway). The designator only announces the character set and is dropped.
 */
export function iso2022KrToEucKr(bytes: string): string {
  let out = "";
  let shifted = false;
  for (let index = 0; index < bytes.length; index += 1) {
    const code = bytes.charCodeAt(index);
    if (code === 0x1b && bytes.startsWith(DESIGNATOR, index)) {
      index += DESIGNATOR.length - 1;
    } else if (code === SHIFT_OUT) {
      shifted = true;
    } else if (code === SHIFT_IN) {
      shifted = false;
    } else if (code === 0x0a || code === 0x0d) {
      shifted = false;
      out += bytes[index];
    } else if (shifted && code > 0x20 && code < 0x7f) {
      out += String.fromCharCode(code | 0x80);
    } else {
      out += bytes[index];
    }
  }
  return out;
}

function base64Lines(latin1: string): string {
  return (Buffer.from(latin1, "latin1").toString("base64").match(/.{1,76}/g) ?? []).join("\r\n");
}

/** `=?ISO-2022-KR?B?…?=` and `?Q?` encoded words → the same words in EUC-KR. */
function rewriteEncodedWords(text: string): string {
  return text.replace(/=\?(iso[-_]?2022[-_]?kr)(?:\*[a-z-]*)?\?([bq])\?([^?\s]*)\?=/gi, (word, _charset: string, encoding: string, data: string) => {
    const bytes =
      encoding.toLowerCase() === "b"
        ? Buffer.from(data, "base64").toString("latin1")
        : data.replace(/_/g, " ").replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    const euc = iso2022KrToEucKr(bytes);
    return euc ? `=?EUC-KR?B?${Buffer.from(euc, "latin1").toString("base64")}?=` : word;
  });
}

/** A leaf part in ISO-2022-KR, rewritten as the same part in EUC-KR (base64, so any transfer encoding before is fine). */
function rewritePart(raw: string, entity: MimeEntity): string {
  const body = iso2022KrToEucKr(decodedBody(raw, entity));
  const header = raw.slice(entity.start, entity.bodyStart);
  const kept: string[] = [];
  let dropping = false;
  for (const line of header.split(/\r?\n/)) {
    if (/^[ \t]/.test(line)) {
      if (!dropping && kept.length > 0) kept.push(line);
      continue;
    }
    dropping = /^content-(type|transfer-encoding)\s*:/i.test(line);
    if (!dropping && line !== "") kept.push(line);
  }
  const params = Object.entries(entity.params)
    .filter(([name]) => name !== "charset")
    .map(([name, value]) => `; ${name}="${value.replace(/["\\]/g, "\\$&")}"`)
    .join("");
  kept.push(`Content-Type: ${entity.type}; charset=EUC-KR${params}`, "Content-Transfer-Encoding: base64");
  const trailingNewline = /\r?\n$/.exec(raw.slice(entity.start, entity.end))?.[0] ?? "";
  return `${kept.map((line) => rewriteEncodedWords(line)).join("\r\n")}\r\n\r\n${base64Lines(body)}${trailingNewline || "\r\n"}`;
}

/** The message with its ISO-2022-KR parts and words re-coded as EUC-KR; any other message as it was. */
export function withoutIso2022Kr(raw: Buffer): Buffer {
  const text = raw.toString("latin1");
  if (!/iso[-_]?2022[-_]?kr/i.test(text)) return raw;
  const tree = readMimeTree(text);
  const replacements: Array<{ start: number; end: number; text: string }> = [];
  for (const entity of walk(tree)) {
    if (entity.children.length > 0 || !entity.type.startsWith("text/")) continue;
    if (!ISO_2022_KR.test(entity.params.charset ?? "")) continue;
    if (/^\s*attachment/i.test(field(entity, "content-disposition") ?? "")) continue;
    replacements.push({ start: entity.start, end: entity.end, text: rewritePart(text, entity) });
  }
  // The parts do not overlap (only leaves are rewritten): replace from the end so offsets hold.
  let rewritten = text;
  for (const { start, end, text: part } of replacements.sort((a, b) => b.start - a.start)) {
    rewritten = rewritten.slice(0, start) + part + rewritten.slice(end);
  }
  // Encoded words in the remaining headers (a rewritten part's own were done above; doing them twice is harmless).
  return Buffer.from(rewriteEncodedWords(rewritten), "latin1");
}
