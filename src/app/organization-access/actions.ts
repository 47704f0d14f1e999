"use server";

import { MAX_ACCESS_NOTE_LENGTH } from "@/schemas/organization-access";
import { viewerAction } from "@/server/entry/actions";
import { decideOrganizationAccess } from "@/server/organization-access/decide-organization-access";
import { requestOrganizationAccess } from "@/server/organization-access/request-organization-access";

/** Asks for organization-level access; the page then shows where the request stands. */
export const submitAccessRequest = viewerAction(requestOrganizationAccess, {
  messages: {
    namespace: "organizationAccess",
    values: { note_too_long: { max: MAX_ACCESS_NOTE_LENGTH } },
    // What the admin must fix in the approver they named.
    refusalFields: { approver_required: "approverId", approver_not_technical_contact: "approverId", approver_is_requester: "approverId" },
  },
  redirectTo: () => "/organization-access?done=requested",
});

/** The named technical contact approves or declines an admin's access request. */
export const submitAccessDecision = viewerAction(decideOrganizationAccess, {
  messages: { namespace: "organizationAccess" },
  redirectTo: ({ approvalState }) => `/organization-access?done=${approvalState === "declined" ? "declined" : "approved"}`,
});
