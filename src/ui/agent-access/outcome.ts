import { z } from "zod";

export const ACCESS_ADMIN_PATH = "/agent/organization-access";

/** What the list says after a grant or revoke (`?done=` or `?refused=<code>`). */
export type AccessAdminOutcome = { done: "granted" | "revoked" } | { refused: string };

/** Refusals with their own message; any other code gets the generic one. */
export const KNOWN_REFUSALS = ["not_found", "agents_only", "not_approved", "already_granted", "grant_not_active"] as const;

export const accessAdminParamsSchema = z.object({
  done: z.enum(["granted", "revoked"]).optional().catch(undefined),
  refused: z
    .string()
    .optional()
    .transform((code) => (code === undefined ? undefined : (KNOWN_REFUSALS as readonly string[]).includes(code) ? (code as (typeof KNOWN_REFUSALS)[number]) : "other")),
});
