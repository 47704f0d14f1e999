"use server";

import { requestPages } from "@/app/actions/request-pages";
import { readSatisfactionConfig } from "@/config/env";
import { MAX_RATING_COMMENT_LENGTH } from "@/domain";
import { MAX_REPLY_LENGTH } from "@/schemas/request-reply";
import { viewerAction } from "@/server/entry/actions";
import { withAttachmentMessages } from "@/server/entry/attachment-form";
import { markSolved } from "@/server/requests/mark-solved";
import { rateRequest } from "@/server/requests/rate-request";
import { replyToRequest } from "@/server/requests/reply-to-request";

/** A reply from the request page; the use case decides who may, and a refusal changes nothing. */
export const replyAction = viewerAction(replyToRequest, {
  messages: withAttachmentMessages({ namespace: "request.reply", values: { too_long: { max: MAX_REPLY_LENGTH } } }),
  done: ({ reopened }) => (reopened ? "sentReopened" : "sent"),
  revalidate: requestPages,
});

/** The requester's "Mark as solved" (docs/product.md §4.1); anyone else finds no such request. */
export const markSolvedAction = viewerAction(markSolved, {
  messages: { namespace: "request.markSolved" },
  done: () => "done",
  revalidate: requestPages,
});

/** The requester's rating of a Solved request, given or changed (docs/product.md §4.5). */
export const rateAction = viewerAction(rateRequest, {
  messages: {
    namespace: "request.rating",
    values: () => ({ rating_window_closed: { days: readSatisfactionConfig().ratingWindowDays }, rating_comment_too_long: { max: MAX_RATING_COMMENT_LENGTH } }),
    refusalFields: { rating_comment_too_long: "comment", unknown_score: "score" },
  },
  done: ({ changed }) => (changed ? "changed" : "done"),
  revalidate: requestPages,
});
