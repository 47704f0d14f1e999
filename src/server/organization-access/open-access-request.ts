import type { Prisma } from "@/generated/prisma/client";

/** The domain's `isAccessRequestOpen` as a query: a person's access requests still under way. */
export function openAccessRequestWhere(requesterId: string, organizationId: string): Prisma.OrganizationAccessRequestWhereInput {
  return {
    requesterId,
    organizationId,
    OR: [{ approvalState: "pending" }, { approvalState: { in: ["approved", "not_required"] }, grants: { none: {} } }],
  };
}
