import { z } from "zod";
import { choiceParam, firstParam } from "@/schemas/list-params";

export const ACCESS_ADMIN_PATH = "/agent/organization-access";

/** What the list says after a grant or revoke (`?done=` or `?refused=<code>`). */
export type AccessAdminOutcome = { done: "granted" | "revoked" } | { refused: string };

/** Refusals with their own message; any other code gets the generic one. */
export const KNOWN_REFUSALS = ["not_found", "agents_only", "not_approved", "already_granted", "grant_not_active"] as const;

/** Read leniently, as every page's URL: a repeated or unexpected parameter falls back to saying nothing, or the generic refusal. */
export const accessAdminParamsSchema = z.object({
  done: choiceParam(["granted", "revoked"] as const),
  refused: firstParam.transform((code) => (code === undefined ? undefined : (KNOWN_REFUSALS as readonly string[]).includes(code) ? (code as (typeof KNOWN_REFUSALS)[number]) : "other")),
});
