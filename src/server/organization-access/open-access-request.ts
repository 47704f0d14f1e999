import type { Prisma } from "@/generated/prisma/client";

/**
 * A person's access request that is still under way: waiting for its approver, or approved (or needing
 * no approval) and not yet granted. While one is open the person cannot ask again, so agents and
 * technical contacts never see the same question twice.
 */
export function openAccessRequestWhere(requesterId: string, organizationId: string): Prisma.OrganizationAccessRequestWhereInput {
  return {
    requesterId,
    organizationId,
    OR: [{ approvalState: "pending" }, { approvalState: { in: ["approved", "not_required"] }, grants: { none: {} } }],
  };
}
