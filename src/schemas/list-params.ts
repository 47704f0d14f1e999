import { z } from "zod";

// What My Requests, the agent queue and the console's other lists read from their URLs: every
// choice lives in the URL, and anything malformed falls back to the default instead of failing.
// Their keyset cursors too: an opaque token for (sort key, id) that the lists hand out and read back.

/** Rows a list page shows. */
export const DEFAULT_PAGE_SIZE = 25;

/** The largest id PostgreSQL's `integer` holds. */
export const MAX_ID = 2_147_483_647;

const cursorSchema = z.object({ v: z.union([z.string().max(40), z.number().finite()]), id: z.number().int().positive().max(MAX_ID) });
export type ListCursor = z.infer<typeof cursorSchema>;

/** A cursor as the opaque token a list hands out. */
function encodeToken(cursor: object): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

export function encodeCursor(cursor: ListCursor): string {
  return encodeToken(cursor);
}

function decodeCursor(value: string): ListCursor | undefined {
  return decodeWith(cursorSchema, value);
}

function decodeWith<T>(schema: z.ZodType<T>, value: string): T | undefined {
  try {
    const parsed = schema.safeParse(JSON.parse(Buffer.from(value, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A cursor for lists whose rows have text ids — people (cuids), audit events (64-bit numbers, as
 * decimal text, which a JSON number cannot hold exactly): (sort key, id), the key up to an email's length.
 */
const keyCursorSchema = z.object({ v: z.string().max(320), id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) });
export type KeyCursor = z.infer<typeof keyCursorSchema>;

export function encodeKeyCursor(cursor: KeyCursor): string {
  return encodeToken(cursor);
}

/** A cursor whose key is an instant, as date-sorted pages write it (ISO 8601, UTC). */
export function isTimestampCursor(cursor: ListCursor): cursor is ListCursor & { v: string } {
  return typeof cursor.v === "string" && /^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(cursor.v) && !Number.isNaN(Date.parse(cursor.v));
}

/** A URL parameter as Next.js gives it: absent, once, or repeated. */
const param = z.union([z.string(), z.array(z.string())]).optional();
const first = (raw: string | string[] | undefined) => (Array.isArray(raw) ? raw[0] : raw);

/** A parameter's first value, whether it came once or repeated. */
export const firstParam = param.transform(first);

/** The search box: trimmed, at most 200 characters. */
export const searchParam = param.transform((raw) => first(raw)?.trim().slice(0, 200) ?? "");

/** Text typed into a filter: trimmed, at most 200 characters; unset when empty. */
export const textParam = searchParam.transform((text) => text || undefined);

/** Any of `values`, given repeated or comma-separated; unknown ones are dropped. */
export const listParam = <T extends string>(values: readonly [T, ...T[]]) =>
  param.transform((raw) => {
    const items = (Array.isArray(raw) ? raw : [raw ?? ""]).flatMap((item) => item.split(",")).map((item) => item.trim());
    return [...new Set(items.filter((item): item is T => (values as readonly string[]).includes(item)))];
  });

/** One of `values`, or undefined. */
export const choiceParam = <T extends string>(values: readonly [T, ...T[]]) =>
  param.transform((raw) => {
    const chosen = first(raw);
    return chosen !== undefined && (values as readonly string[]).includes(chosen) ? (chosen as T) : undefined;
  });

/** An organization or user id as the database writes them; anything else means "any". */
export const idParam = param.transform((raw) => {
  const chosen = first(raw)?.trim();
  return chosen && /^[A-Za-z0-9_-]{1,64}$/.test(chosen) ? chosen : undefined;
});

export const cursorParam = param.transform((raw) => {
  const chosen = first(raw);
  return chosen ? decodeCursor(chosen) : undefined;
});

export const keyCursorParam = param.transform((raw) => {
  const chosen = first(raw);
  return chosen ? decodeWith(keyCursorSchema, chosen) : undefined;
});
