import "server-only";
import { z } from "zod";
import { checkAccessRequest, isGrantActive, type ApprovalState } from "@/domain";
import type { Database } from "@/server/db/client";
import type { Reader } from "@/server/people/viewer";
import { defineUseCase } from "@/server/use-case";
import { openAccessRequestWhere } from "./open-access-request";

// What the Organization-level access page shows a customer: for each of their organizations, whether
// they have access and what they may do about it (as the domain decides), their requests and where
// each stands; and the requests that wait for their approval as a technical contact.

export interface Person {
  id: string;
  name: string;
  email: string;
}

/** What the viewer may do next for one organization. */
export type NextStep =
  | { kind: "granted" }
  /** A technical contact: asks, no approval needed. */
  | { kind: "request" }
  /** An organization admin: asks by naming one of these technical contacts. */
  | { kind: "request_with_approver"; technicalContacts: Person[] }
  /** An earlier request is still under way. */
  | { kind: "wait" }
  | { kind: "not_entitled" };

/** Where one of the viewer's requests stands. */
export type AccessRequestStage = "waiting_for_approval" | "declined" | "waiting_for_grant" | "granted" | "ended";

export interface MyAccessRequest {
  id: string;
  createdAt: Date;
  note: string | null;
  approvalState: ApprovalState;
  approverName: string | null;
  decidedAt: Date | null;
  stage: AccessRequestStage;
  /** The grant given from this request, if any (the latest). */
  grant: { grantedAt: Date; endedAt: Date | null } | null;
}

export interface OrganizationAccessSection {
  organizationId: string;
  organizationName: string;
  isTechnicalContact: boolean;
  isAdmin: boolean;
  activeGrant: { grantedAt: Date; grantedByName: string; expiresAt: Date | null } | null;
  next: NextStep;
  requests: MyAccessRequest[];
}

/** An admin's request that names the viewer as its approver. */
export interface ApprovalRequest {
  id: string;
  organizationName: string;
  requester: Person;
  createdAt: Date;
  note: string | null;
  approvalState: ApprovalState;
  decidedAt: Date | null;
}

export interface OrganizationAccessOverview {
  organizations: OrganizationAccessSection[];
  /** Waiting ones first, then the latest decided ones. */
  approvals: ApprovalRequest[];
}

const RECENT_REQUESTS = 10;
const RECENT_APPROVALS = 20;

const personSelect = { id: true, name: true, email: true } as const;

export const getOrganizationAccessOverview = defineUseCase({
  input: z.object({}),
  run: async (db: Database, viewer: Reader): Promise<{ ok: true; overview: OrganizationAccessOverview }> => {
    const { actor } = viewer;
    const memberships = await db.membership.findMany({
      where: { userId: actor.userId },
      select: { organizationId: true, isTechnicalContact: true, isAdmin: true, organization: { select: { name: true } } },
      orderBy: { organization: { name: "asc" } },
    });
    const organizations = await Promise.all(memberships.map((membership) => sectionFor(db, viewer, membership)));

    const approvals = await db.organizationAccessRequest.findMany({
      where: { approverId: actor.userId },
      select: { id: true, createdAt: true, note: true, approvalState: true, decidedAt: true, organization: { select: { name: true } }, requester: { select: personSelect } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: RECENT_APPROVALS,
    });
    const waitingFirst = [...approvals].sort((a, b) => Number(b.approvalState === "pending") - Number(a.approvalState === "pending"));
    const overview: OrganizationAccessOverview = {
      organizations,
      approvals: waitingFirst.map((row) => ({
        id: row.id,
        organizationName: row.organization.name,
        requester: row.requester,
        createdAt: row.createdAt,
        note: row.note,
        approvalState: row.approvalState,
        decidedAt: row.decidedAt,
      })),
    };
    return { ok: true, overview };
  },
});

async function sectionFor(
  db: Database,
  { actor, now }: Reader,
  membership: { organizationId: string; isTechnicalContact: boolean; isAdmin: boolean; organization: { name: string } },
): Promise<OrganizationAccessSection> {
  const { organizationId } = membership;
  const [grants, requests, open] = await Promise.all([
    db.organizationAccessGrant.findMany({
      where: { userId: actor.userId, organizationId, revokedAt: null },
      select: { organizationId: true, revokedAt: true, expiresAt: true, grantedAt: true, grantedBy: { select: { name: true } } },
      orderBy: { grantedAt: "desc" },
    }),
    db.organizationAccessRequest.findMany({
      where: { requesterId: actor.userId, organizationId },
      select: {
        id: true,
        createdAt: true,
        note: true,
        approvalState: true,
        decidedAt: true,
        approver: { select: { name: true } },
        grants: { select: { organizationId: true, grantedAt: true, revokedAt: true, expiresAt: true }, orderBy: { grantedAt: "desc" }, take: 1 },
      },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: RECENT_REQUESTS,
    }),
    db.organizationAccessRequest.findFirst({ where: openAccessRequestWhere(actor.userId, organizationId), select: { id: true } }),
  ]);
  const activeGrant = grants.find((grant) => isGrantActive(grant, now));
  return {
    organizationId,
    organizationName: membership.organization.name,
    isTechnicalContact: membership.isTechnicalContact,
    isAdmin: membership.isAdmin,
    activeGrant: activeGrant ? { grantedAt: activeGrant.grantedAt, grantedByName: activeGrant.grantedBy.name, expiresAt: activeGrant.expiresAt } : null,
    next: await nextStep(db, { actor, now }, organizationId, open !== null),
    requests: requests.map((row) => {
      const [grant] = row.grants;
      return {
        id: row.id,
        createdAt: row.createdAt,
        note: row.note,
        approvalState: row.approvalState,
        approverName: row.approver?.name ?? null,
        decidedAt: row.decidedAt,
        stage: grant ? (isGrantActive(grant, now) ? "granted" : "ended") : stageOf(row.approvalState),
        grant: grant ? { grantedAt: grant.grantedAt, endedAt: grant.revokedAt ?? grant.expiresAt } : null,
      };
    }),
  };
}

/** Asks the domain what this person could request now, without naming an approver yet. */
async function nextStep(db: Database, { actor, now }: Reader, organizationId: string, hasOpenRequest: boolean): Promise<NextStep> {
  const check = checkAccessRequest(actor, organizationId, null, now);
  if (check.ok) return hasOpenRequest ? { kind: "wait" } : { kind: "request" };
  switch (check.refusal.code) {
    case "already_granted":
      return { kind: "granted" };
    case "approver_required": {
      if (hasOpenRequest) return { kind: "wait" };
      const contacts = await db.membership.findMany({
        where: { organizationId, isTechnicalContact: true, userId: { not: actor.userId } },
        select: { user: { select: personSelect } },
        orderBy: { user: { name: "asc" } },
      });
      return { kind: "request_with_approver", technicalContacts: contacts.map((contact) => contact.user) };
    }
    default:
      return { kind: "not_entitled" };
  }
}

function stageOf(approvalState: ApprovalState): AccessRequestStage {
  switch (approvalState) {
    case "pending":
      return "waiting_for_approval";
    case "declined":
      return "declined";
    case "approved":
    case "not_required":
      return "waiting_for_grant";
  }
}
