import { z } from "zod";
import { PRIORITY_CODES, REQUEST_STATUSES } from "@/domain";

export const REQUEST_SCOPES = ["mine", "ccd", "organization"] as const;
export type RequestScope = (typeof REQUEST_SCOPES)[number];
export const PAGE_SIZE = 25;

const cursorSchema = z.object({ v: z.union([z.string().max(40), z.number().finite()]), id: z.number().int().positive().max(2_147_483_647) });
export type ListCursor = z.infer<typeof cursorSchema>;

export function encodeCursor(cursor: ListCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

function decodeCursor(value: string): ListCursor | undefined {
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(value, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

const list = <T extends string>(values: readonly [T, ...T[]]) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((raw) => {
      const items = (Array.isArray(raw) ? raw : [raw ?? ""]).flatMap((item) => item.split(",")).map((item) => item.trim()).filter(Boolean);
      return [...new Set(items.filter((item): item is T => (values as readonly string[]).includes(item)))];
    });

const one = <T extends string>(values: readonly [T, ...T[]], fallback: T) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((raw) => {
      const value = Array.isArray(raw) ? raw[0] : raw;
      return value !== undefined && (values as readonly string[]).includes(value) ? (value as T) : fallback;
    });

const cursorParam = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((raw) => {
    const value = Array.isArray(raw) ? raw[0] : raw;
    return value ? decodeCursor(value) : undefined;
  });

/**
 * The My Requests view, from the URL's search parameters. Every choice lives in the URL, so a link
 * reproduces the view; anything malformed falls back to the default instead of failing.
 */
export const requestListParamsSchema = z.object({
  q: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((raw) => (Array.isArray(raw) ? raw[0] : raw)?.trim().slice(0, 200) ?? ""),
  scope: one(REQUEST_SCOPES, "mine"),
  status: list(REQUEST_STATUSES),
  priority: list(PRIORITY_CODES),
  sort: one(["activity", "created"] as const, "activity"),
  order: one(["desc", "asc"] as const, "desc"),
  after: cursorParam,
  before: cursorParam,
});

export type RequestListParams = z.infer<typeof requestListParamsSchema>;
