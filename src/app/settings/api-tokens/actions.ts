"use server";

import { redirect } from "next/navigation";
import { MAX_ACTIVE_API_TOKENS, MAX_API_TOKEN_DAYS } from "@/schemas/api-tokens";
import { createApiToken, revokeApiToken } from "@/server/api-tokens/api-tokens";
import { viewerAction, viewerPost } from "@/server/entry/actions";
import { API_TOKENS_PATH } from "@/ui/settings/api-tokens/outcome";

// The new token's secret is the one thing the form must show after it went through, and it is never
// stored: it travels back as the form's answer (its "done" sentence) and lives only in that answer,
// so a reload shows it no more.
export const createApiTokenAction = viewerAction(createApiToken, {
  messages: { namespace: "apiTokens.create", values: { too_many_tokens: { max: MAX_ACTIVE_API_TOKENS }, expiry_date_too_far: { days: MAX_API_TOKEN_DAYS } } },
  done: (result) => ({ sentence: result.token }),
  revalidate: () => [API_TOKENS_PATH],
});

/** A plain form post: back to the list, which says whether it was revoked. */
export const revokeApiTokenAction = viewerPost(revokeApiToken, {
  then: (outcome) => redirect(`${API_TOKENS_PATH}?done=${outcome.ok ? "revoked" : "not_found"}`),
});
