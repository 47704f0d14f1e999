import "server-only";
import { z } from "zod";
import { canReadAccounts } from "@/domain";
import { Prisma, type AuditEventType } from "@/generated/prisma/client";
import { auditTrailParamsSchema, type AuditTrailEventType, type AuditTrailParams } from "@/schemas/audit-trail";
import type { Database } from "@/server/db/client";
import { likeLiteral } from "@/server/db/like";
import { notFound, type Outcome } from "@/server/outcome";
import type { Reader } from "@/server/people/viewer";
import { defineUseCase } from "@/server/use-case";
import { CONSOLE_PAGE_SIZE, keysetPage, keysetRead } from "./keyset";

// The audit trail (docs/SECURITY.md), for the support team: newest first, one kind of event or all,
// narrowed to a person by email. Only read here — nothing in the app changes or removes an event, and
// the database refuses to (a trigger on "AuditEvent").

export interface AuditPerson {
  name: string;
  email: string;
}

/** What an event's details say, read leniently: each writer records its own. */
export interface AuditDetail {
  /** A failed sign-in that locked the account or the address. */
  locked?: boolean;
  sessionsEnded?: number;
  /** How someone signed in: "credentials", or the single sign-on provider. */
  method?: string;
  /** A refused sign-in: when guessing may go on. */
  retryAt?: Date;
  /** Organization access: the organization's name. */
  organization?: string;
  /** An API token: its name and what it may do. */
  tokenName?: string;
  access?: string;
  /** A webhook endpoint: what was done to it, and its URL. */
  webhookAction?: WebhookAuditAction;
  url?: string;
}

export const WEBHOOK_AUDIT_ACTIONS = ["created", "updated", "enabled", "disabled", "secret_rotated", "deleted"] as const;
export type WebhookAuditAction = (typeof WEBHOOK_AUDIT_ACTIONS)[number];

export interface AuditEntry {
  /** The event's number, as text (a 64-bit number). */
  id: string;
  at: Date;
  type: AuditTrailEventType;
  actor: AuditPerson | null;
  subject: AuditPerson | null;
  /** The email a sign-in was attempted with. */
  email: string | null;
  clientAddress: string | null;
  detail: AuditDetail;
}

export interface AuditTrailPage {
  view: Pick<AuditTrailParams, "type" | "q">;
  entries: AuditEntry[];
  nextCursor: string | null;
  previousCursor: string | null;
  onLaterPage: boolean;
}

interface Row {
  id: string;
  at: Date;
  // The database's type: the filter's list (AUDIT_EVENT_TYPES) must hold every one of them…
  type: AuditEventType;
  actorName: string | null;
  actorEmail: string | null;
  subjectName: string | null;
  subjectEmail: string | null;
  email: string | null;
  clientAddress: string | null;
  detail: unknown;
}

// …and hold nothing else: a type the database does not know would not compile here.
const asDatabaseType = (type: AuditTrailEventType): AuditEventType => type;

const EVENT_ID = /^\d{1,19}$/;

const detailSchema = z
  .object({
    locked: z.boolean().optional().catch(undefined),
    sessionsEnded: z.number().int().nonnegative().optional().catch(undefined),
    method: z.string().max(100).optional().catch(undefined),
    retryAt: z.iso.datetime().optional().catch(undefined),
    organizationId: z.string().max(100).optional().catch(undefined),
    organizationName: z.string().max(200).optional().catch(undefined),
    tokenName: z.string().max(200).optional().catch(undefined),
    access: z.enum(["read", "write"]).optional().catch(undefined),
    webhookAction: z.enum(WEBHOOK_AUDIT_ACTIONS).optional().catch(undefined),
    url: z.string().max(2000).optional().catch(undefined),
  })
  .catch({});

/** For agents only; anyone else gets "not found". 50 events a page. */
export const listAuditTrail = defineUseCase({
  input: auditTrailParamsSchema,
  run: async (db: Database, viewer: Reader, params): Promise<Outcome<{ page: AuditTrailPage }>> => {
    if (!canReadAccounts(viewer.actor)) return notFound();

    const read = keysetRead(params);
    // A cursor that cannot be an event's place reads from the start.
    const cursor = read.cursor && EVENT_ID.test(read.cursor.id) && !Number.isNaN(Date.parse(read.cursor.v)) ? read.cursor : undefined;
    const conditions: Prisma.Sql[] = [];
    if (params.type) conditions.push(Prisma.sql`e.type = ${asDatabaseType(params.type)}::"AuditEventType"`);
    if (params.q) {
      const pattern = `%${likeLiteral(params.q.toLowerCase())}%`;
      conditions.push(Prisma.sql`(e.email LIKE ${pattern} OR lower(a.email) LIKE ${pattern} OR lower(s.email) LIKE ${pattern})`);
    }
    // (at, id) as one row value: the (at DESC, id DESC) index starts right at the cursor.
    if (cursor) {
      const place = Prisma.sql`(${new Date(cursor.v).toISOString()}::timestamp, ${cursor.id}::bigint)`;
      conditions.push(read.backwards ? Prisma.sql`(e.at, e.id) > ${place}` : Prisma.sql`(e.at, e.id) < ${place}`);
    }
    const where = conditions.length > 0 ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
    const direction = Prisma.raw(read.backwards ? "ASC" : "DESC");

    const rows = await db.$queryRaw<Row[]>`
      SELECT e.id::text AS id, e.at, e.type::text AS type, e.email, e."clientAddress", e.detail,
        a.name AS "actorName", a.email AS "actorEmail", s.name AS "subjectName", s.email AS "subjectEmail"
      FROM "AuditEvent" e
      LEFT JOIN "User" a ON a.id = e."actorId"
      LEFT JOIN "User" s ON s.id = e."subjectId"
      ${where}
      ORDER BY e.at ${direction}, e.id ${direction}
      LIMIT ${CONSOLE_PAGE_SIZE + 1}`;

    const page = keysetPage(rows, read, (row) => ({ v: row.at.toISOString(), id: row.id }));
    const details = page.rows.map((row) => detailSchema.parse(row.detail ?? {}));
    const organizationIds = [...new Set(details.flatMap((detail) => (detail.organizationId && !detail.organizationName ? [detail.organizationId] : [])))];
    const organizations = new Map(
      organizationIds.length > 0
        ? (await db.organization.findMany({ where: { id: { in: organizationIds } }, select: { id: true, name: true } })).map((organization) => [organization.id, organization.name])
        : [],
    );

    const person = (name: string | null, email: string | null): AuditPerson | null => (name !== null && email !== null ? { name, email } : null);
    return {
      ok: true,
      page: {
        view: { type: params.type, q: params.q },
        entries: page.rows.map((row, index) => {
          const { retryAt, organizationId, organizationName, ...detail } = details[index] ?? {};
          const organization = organizationName ?? (organizationId ? organizations.get(organizationId) : undefined);
          return {
            id: row.id,
            at: row.at,
            type: row.type,
            actor: person(row.actorName, row.actorEmail),
            subject: person(row.subjectName, row.subjectEmail),
            email: row.email,
            clientAddress: row.clientAddress,
            detail: { ...detail, ...(retryAt ? { retryAt: new Date(retryAt) } : {}), ...(organization ? { organization } : {}) },
          };
        }),
        nextCursor: page.nextCursor,
        previousCursor: page.previousCursor,
        onLaterPage: read.cursor !== undefined,
      },
    };
  },
});
