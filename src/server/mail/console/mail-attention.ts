import "server-only";
import type { Database } from "@/server/db/client";
import type { Reader } from "@/server/people/viewer";
import { canUseMailConsole } from "./access";

// What the console's navigation shows beside "Mail": held incoming mail and failed outgoing mail,
// one indexed count each (both tables have an index that starts with the status).

export interface MailAttention {
  held: number;
  failed: number;
}

export async function mailAttention(db: Database, viewer: Reader): Promise<MailAttention | null> {
  if (!canUseMailConsole(viewer.actor)) return null;
  const [held, failed] = await Promise.all([db.inboundMail.count({ where: { status: "held" } }), db.outboundMail.count({ where: { status: "failed" } })]);
  return { held, failed };
}
