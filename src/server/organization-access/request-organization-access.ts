import "server-only";
import { checkAccessRequest, refuse, type Actor, type ApprovalState } from "@/domain";
import { organizationAccessRequestSchema } from "@/schemas/organization-access";
import type { Viewer } from "@/server/access/viewer";
import type { Database } from "@/server/db/client";
import type { OrganizationAccessResult } from "./access-refusal";
import { openAccessRequestWhere } from "./open-access-request";

// A customer asks for organization-level access (PRODUCT.md §6): a technical contact for their own
// organization, needing no approval; an organization admin only by naming one of the organization's
// technical contacts, who then approves or declines. The domain decides which; this records it.

export type RequestOrganizationAccessResult = OrganizationAccessResult<{ accessRequestId: string; approvalState: ApprovalState }>;

/** `input` is read with `organizationAccessRequestSchema`: a form's fields, or a test's object. */
export async function requestOrganizationAccess(db: Database, viewer: Pick<Viewer, "actor" | "now">, input: unknown): Promise<RequestOrganizationAccessResult> {
  const { actor, now } = viewer;
  const parsed = organizationAccessRequestSchema.safeParse(input);
  if (!parsed.success) {
    return parsed.error.issues.some((issue) => issue.message === "note_too_long")
      ? refuse("note_too_long", "The note is too long.")
      : refuse("invalid_input", "The request could not be read.");
  }
  const { approverId, note } = parsed.data;
  const organizationId = parsed.data.organizationId ?? soleOrganization(actor);
  if (!organizationId) return refuse("not_a_member", "Choose one of your organizations.");

  const approver = approverId
    ? {
        userId: approverId,
        membership:
          (await db.membership.findUnique({
            where: { userId_organizationId: { userId: approverId, organizationId } },
            select: { organizationId: true, isTechnicalContact: true, isAdmin: true },
          })) ?? undefined,
      }
    : null;
  return db.$transaction(async (tx): Promise<RequestOrganizationAccessResult> => {
    const hasOpenRequest = (await tx.organizationAccessRequest.count({ where: openAccessRequestWhere(actor.userId, organizationId) })) > 0;
    const check = checkAccessRequest(actor, organizationId, approver, now, hasOpenRequest);
    if (!check.ok) return check;
    const created = await tx.organizationAccessRequest.create({
      data: { organizationId, requesterId: actor.userId, approverId: check.approverId, approvalState: check.approvalState, note: note ?? null, createdAt: now },
      select: { id: true, approvalState: true },
    });
    return { ok: true, accessRequestId: created.id, approvalState: created.approvalState };
  });
}

function soleOrganization(actor: Actor): string | null {
  const [only, ...others] = actor.memberships;
  return only && others.length === 0 ? only.organizationId : null;
}
