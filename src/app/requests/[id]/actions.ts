"use server";

import { requestPages } from "@/app/actions/request-pages";
import { MAX_REPLY_LENGTH } from "@/schemas/request-reply";
import { viewerAction } from "@/server/entry/actions";
import { withAttachmentMessages } from "@/server/entry/attachment-form";
import { replyToRequest } from "@/server/requests/reply-to-request";

/** A reply from the request page; the use case decides who may, and a refusal changes nothing. */
export const replyAction = viewerAction(replyToRequest, {
  messages: withAttachmentMessages({ namespace: "request.reply", values: { too_long: { max: MAX_REPLY_LENGTH } } }),
  done: ({ reopened }) => (reopened ? "sentReopened" : "sent"),
  revalidate: requestPages,
});
