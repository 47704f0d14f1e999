"use server";

import { MAX_CCS, MAX_DESCRIPTION_LENGTH, MAX_SUBJECT_LENGTH, newRequestFromForm } from "@/schemas/new-request";
import { viewerAction } from "@/server/entry/actions";
import { withAttachmentMessages } from "@/server/entry/attachment-form";
import { createRequest } from "@/server/requests/create-request";

/** The new-request form's action: creates the request and opens its page, or says why not, with the input kept. */
export const submitNewRequest = viewerAction(createRequest, {
  input: newRequestFromForm,
  messages: withAttachmentMessages({
    namespace: "newRequest",
    values: { subject_too_long: { max: MAX_SUBJECT_LENGTH }, description_too_long: { max: MAX_DESCRIPTION_LENGTH }, cc_too_many: { max: MAX_CCS } },
  }),
  redirectTo: ({ id }) => `/requests/${id}`,
});
