"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formText, organizationAccessGrantSchema, organizationAccessRevokeSchema } from "@/schemas/organization-access";
import { findAgentViewer } from "@/server/access/viewer";
import { getDatabase } from "@/server/db";
import { grantOrganizationAccess } from "@/server/organization-access/grant-organization-access";
import { revokeOrganizationAccess } from "@/server/organization-access/revoke-organization-access";
import { ACCESS_ADMIN_PATH, type AccessAdminOutcome } from "@/ui/agent-access/outcome";

// Plain form posts (they work without JavaScript): each action finds the agent itself, lets the use
// case decide again, and sends the agent back to the list with the outcome in the address.

function backTo(outcome: AccessAdminOutcome): never {
  revalidatePath(ACCESS_ADMIN_PATH);
  redirect(`${ACCESS_ADMIN_PATH}?${new URLSearchParams(outcome).toString()}`);
}

export async function grantAccessAction(formData: FormData): Promise<void> {
  // Anyone but an agent gets the same answer as a request that does not exist.
  const viewer = await findAgentViewer();
  const parsed = organizationAccessGrantSchema.safeParse({ accessRequestId: formText(formData, "accessRequestId") });
  if (!viewer || !parsed.success) backTo({ refused: "not_found" });
  const result = await grantOrganizationAccess(getDatabase(), viewer, parsed.data);
  backTo(result.ok ? { done: "granted" } : { refused: result.refusal.code });
}

export async function revokeAccessAction(formData: FormData): Promise<void> {
  const viewer = await findAgentViewer();
  const parsed = organizationAccessRevokeSchema.safeParse({ grantId: formText(formData, "grantId") });
  if (!viewer || !parsed.success) backTo({ refused: "not_found" });
  const result = await revokeOrganizationAccess(getDatabase(), viewer, parsed.data);
  backTo(result.ok ? { done: "revoked" } : { refused: result.refusal.code });
}
