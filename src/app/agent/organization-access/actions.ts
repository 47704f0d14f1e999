"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { agentPost } from "@/server/entry/actions";
import type { Outcome } from "@/server/outcome";
import { grantOrganizationAccess } from "@/server/organization-access/grant-organization-access";
import { revokeOrganizationAccess } from "@/server/organization-access/revoke-organization-access";
import { ACCESS_ADMIN_PATH, type AccessAdminOutcome } from "@/ui/agent-access/outcome";

// Plain form posts (they work without JavaScript): each sends the agent back to the list with the
// outcome in the address. Anyone but an agent gets the same answer as a request that does not exist.

function backTo(outcome: Outcome, done: "granted" | "revoked"): never {
  revalidatePath(ACCESS_ADMIN_PATH);
  const answer: AccessAdminOutcome = outcome.ok ? { done } : { refused: outcome.reason === "refused" ? outcome.refusal.code : "not_found" };
  redirect(`${ACCESS_ADMIN_PATH}?${new URLSearchParams(answer).toString()}`);
}

export const grantAccessAction = agentPost(grantOrganizationAccess, { then: (outcome) => backTo(outcome, "granted") });

export const revokeAccessAction = agentPost(revokeOrganizationAccess, { then: (outcome) => backTo(outcome, "revoked") });
