import "server-only";

// A small reader of a message's MIME structure, on the raw bytes (as a latin1 string, so every byte
// is one character and offsets are byte offsets). The mail parser gives the decoded message; this
// gives what it merges away: where each part starts and ends (to rewrite a charset it lacks) and
// the parts of a delivery report on their own. Bounded, since the input is anyone's mail.

export interface MimeField {
  /** Lower-cased. */
  name: string;
  /** Unfolded, not decoded. */
  value: string;
}

export interface MimeEntity {
  /** Offsets in the raw text: the whole entity, its header section, its body. */
  start: number;
  end: number;
  bodyStart: number;
  fields: MimeField[];
  /** Lower-cased media type, "text/plain" when absent (RFC 2045 §5.2). */
  type: string;
  /** Lower-cased parameter names; values unquoted. */
  params: Record<string, string>;
  /** The parts of a multipart, or the message of a message/rfc822. */
  children: MimeEntity[];
}

const MAX_DEPTH = 12;
const MAX_ENTITIES = 500;

export function readMimeTree(raw: string): MimeEntity {
  const budget = { entities: 0 };
  return readEntity(raw, 0, raw.length, 0, budget, "text/plain");
}

export function field(entity: MimeEntity, name: string): string | undefined {
  return entity.fields.find((candidate) => candidate.name === name)?.value;
}

/** Every entity of the tree, depth first, parents before their children. */
export function* walk(entity: MimeEntity): Generator<MimeEntity> {
  yield entity;
  for (const child of entity.children) yield* walk(child);
}

/** The body of a leaf with its transfer encoding undone, as latin1 bytes. */
export function decodedBody(raw: string, entity: MimeEntity): string {
  const body = raw.slice(entity.bodyStart, entity.end);
  const encoding = (field(entity, "content-transfer-encoding") ?? "").trim().toLowerCase();
  if (encoding === "base64") return Buffer.from(body.replace(/[^A-Za-z0-9+/=]/g, ""), "base64").toString("latin1");
  if (encoding === "quoted-printable") {
    return body.replace(/=[ \t]*\r?\n/g, "").replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  }
  return body;
}

/** The header section's fields, unfolded. */
export function readFields(header: string): MimeField[] {
  const fields: MimeField[] = [];
  for (const line of header.split(/\r?\n/)) {
    if (/^[ \t]/.test(line) && fields.length > 0) {
      const last = fields[fields.length - 1]!;
      last.value += ` ${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    fields.push({ name: line.slice(0, colon).trim().toLowerCase(), value: line.slice(colon + 1).trim() });
  }
  return fields;
}

/** `type/subtype; name=value; name="quoted value"` → the type and its parameters. */
export function parseContentType(value: string | undefined, fallback: string): { type: string; params: Record<string, string> } {
  if (!value) return { type: fallback, params: {} };
  const parts = value.match(/(?:[^;"]|"(?:[^"\\]|\\.)*")+/g) ?? [];
  const type = (parts[0] ?? "").trim().toLowerCase();
  const params: Record<string, string> = {};
  for (const part of parts.slice(1)) {
    const equals = part.indexOf("=");
    if (equals <= 0) continue;
    const name = part.slice(0, equals).trim().toLowerCase();
    let paramValue = part.slice(equals + 1).trim();
    if (paramValue.startsWith('"') && paramValue.endsWith('"') && paramValue.length >= 2) paramValue = paramValue.slice(1, -1).replace(/\\(.)/g, "$1");
    params[name] = paramValue;
  }
  return { type: /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/.test(type) ? type : fallback, params };
}

function headerEnd(raw: string, start: number, end: number): { headerEnd: number; bodyStart: number } {
  // An entity starting with an empty line has no header fields.
  const leading = /^\r?\n/.exec(raw.slice(start, Math.min(end, start + 2)));
  if (leading) return { headerEnd: start, bodyStart: start + leading[0].length };
  const blank = /\r?\n\r?\n/g;
  blank.lastIndex = start;
  const match = blank.exec(raw);
  if (!match || match.index >= end) return { headerEnd: end, bodyStart: end };
  return { headerEnd: match.index, bodyStart: Math.min(end, match.index + match[0].length) };
}

function readEntity(raw: string, start: number, end: number, depth: number, budget: { entities: number }, defaultType: string): MimeEntity {
  budget.entities += 1;
  const { headerEnd: fieldsEnd, bodyStart } = headerEnd(raw, start, end);
  const fields = readFields(raw.slice(start, fieldsEnd));
  const { type, params } = parseContentType(fields.find((candidate) => candidate.name === "content-type")?.value, defaultType);
  const entity: MimeEntity = { start, end, bodyStart, fields, type, params, children: [] };
  if (depth >= MAX_DEPTH || budget.entities >= MAX_ENTITIES) return entity;

  if (type.startsWith("multipart/") && params.boundary) {
    const childType = type === "multipart/digest" ? "message/rfc822" : "text/plain";
    for (const [partStart, partEnd] of partRanges(raw, bodyStart, end, params.boundary)) {
      if (budget.entities >= MAX_ENTITIES) break;
      entity.children.push(readEntity(raw, partStart, partEnd, depth + 1, budget, childType));
    }
  } else if (type === "message/rfc822" || type === "message/global") {
    const encoding = (fields.find((candidate) => candidate.name === "content-transfer-encoding")?.value ?? "").trim().toLowerCase();
    if (!["base64", "quoted-printable"].includes(encoding) && bodyStart < end) {
      entity.children.push(readEntity(raw, bodyStart, end, depth + 1, budget, "text/plain"));
    }
  }
  return entity;
}

/** The byte ranges of a multipart body's parts, between its delimiter lines (RFC 2046 §5.1.1). */
function partRanges(raw: string, bodyStart: number, end: number, boundary: string): Array<[number, number]> {
  const escaped = boundary.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const delimiter = new RegExp(`(^|\\r?\\n)--${escaped}(--)?[ \\t]*(?=\\r?\\n|$)`, "g");
  const body = raw.slice(bodyStart, end);
  const ranges: Array<[number, number]> = [];
  let partStart: number | null = null;
  for (const match of body.matchAll(delimiter)) {
    const delimiterStart = match.index + (match[1]?.length ?? 0);
    if (partStart !== null) ranges.push([bodyStart + partStart, bodyStart + match.index]);
    if (match[2]) return ranges;
    const lineEnd = body.indexOf("\n", delimiterStart);
    partStart = lineEnd < 0 ? body.length : lineEnd + 1;
    if (ranges.length >= MAX_ENTITIES) return ranges;
  }
  // No closing delimiter: the last part runs to the end, as mail readers take it.
  if (partStart !== null && partStart < body.length) ranges.push([bodyStart + partStart, end]);
  return ranges;
}
