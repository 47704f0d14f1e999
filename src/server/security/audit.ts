import type { AuditEventType, Prisma } from "@/generated/prisma/client";
import type { Database } from "@/server/db/client";
import type { Client } from "./client";

// The audit trail (docs/SECURITY.md): who signed in or failed to, who signed out, changed a
// password, ended sessions, disabled an account, granted or revoked organization access — when, and
// from where. It is only ever appended to: the app has no code that changes an event, and the
// database refuses to (a trigger on the table).

export type { AuditEventType };

export interface AuditEventInput {
  type: AuditEventType;
  /** Who acted; null when nobody is signed in (a failed sign-in) or for the automation. */
  actorId: string | null;
  /** Whose account or access it is about. */
  subjectId?: string | null;
  /** The email a sign-in was attempted with. */
  email?: string | null;
  client?: Client | null;
  detail?: Prisma.InputJsonObject;
}

type Writer = Pick<Database, "auditEvent">;

export async function recordAudit(db: Writer, event: AuditEventInput, at: Date): Promise<void> {
  await db.auditEvent.create({
    data: {
      at,
      type: event.type,
      actorId: event.actorId,
      subjectId: event.subjectId ?? null,
      email: event.email ?? null,
      clientAddress: event.client?.address ?? null,
      detail: event.detail,
    },
  });
}
