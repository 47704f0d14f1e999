import { z } from "zod";
import { PRIORITY_CODES, REQUEST_STATUSES, type RequestStatus } from "@/domain";
import type { ListCursor } from "@/schemas/request-list";

export const QUEUE_SORTS = ["due", "activity", "created"] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];
export const SLA_STATES = ["breached", "due_soon", "fine"] as const;
export type SlaState = (typeof SLA_STATES)[number];
/** The queue shows what support still has to do unless the agent asks for Solved too. */
export const UNSOLVED_STATUSES: readonly RequestStatus[] = ["open", "pending", "on_hold"];

const cursorSchema = z.object({ v: z.union([z.string().max(40), z.number().finite()]), id: z.number().int().positive().max(2_147_483_647) });

function decodeCursor(value: string): ListCursor | undefined {
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(value, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

const first = (raw: string | string[] | undefined) => (Array.isArray(raw) ? raw[0] : raw);
const raw = z.union([z.string(), z.array(z.string())]).optional();

const list = <T extends string>(values: readonly [T, ...T[]]) =>
  raw.transform((value) => {
    const items = (Array.isArray(value) ? value : [value ?? ""]).flatMap((item) => item.split(",")).map((item) => item.trim());
    return [...new Set(items.filter((item): item is T => (values as readonly string[]).includes(item)))];
  });

const oneOf = <T extends string>(values: readonly [T, ...T[]]) =>
  raw.transform((value) => {
    const chosen = first(value);
    return chosen !== undefined && (values as readonly string[]).includes(chosen) ? (chosen as T) : undefined;
  });

/** An organization or user id as the database writes them; anything else means "any". */
const id = raw.transform((value) => {
  const chosen = first(value)?.trim();
  return chosen && /^[A-Za-z0-9_-]{1,64}$/.test(chosen) ? chosen : undefined;
});

const cursorParam = raw.transform((value) => {
  const chosen = first(value);
  return chosen ? decodeCursor(chosen) : undefined;
});

/**
 * The agent queue's view, from the URL's search parameters: every choice lives in the URL, and
 * anything malformed falls back to the default instead of failing.
 */
export const agentQueueParamsSchema = z.object({
  q: raw.transform((value) => first(value)?.trim().slice(0, 200) ?? ""),
  /** Empty means the unsolved statuses. */
  status: list(REQUEST_STATUSES),
  priority: list(PRIORITY_CODES),
  organization: id,
  /** A user id, "me" or "unassigned". */
  assignee: id,
  sla: oneOf(SLA_STATES),
  sort: oneOf(QUEUE_SORTS).transform((sort) => sort ?? "due"),
  /** Unset: the sort's own default (soonest due first; newest first by date). */
  order: oneOf(["asc", "desc"] as const),
  after: cursorParam,
  before: cursorParam,
});

export type AgentQueueParams = z.infer<typeof agentQueueParamsSchema>;

export function defaultOrder(sort: QueueSort): "asc" | "desc" {
  return sort === "due" ? "asc" : "desc";
}
