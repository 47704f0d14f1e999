import { z } from "zod";
import { keyCursorParam, searchParam } from "./list-params";

/** The People list's view, from its URL: a search by email or name, and where the page starts. */
export const accountListParamsSchema = z.object({
  q: searchParam,
  after: keyCursorParam,
  before: keyCursorParam,
});

export type AccountListParams = z.infer<typeof accountListParamsSchema>;

/** Disabling or enabling an account: the person's user id, as the row's form sends it. */
export const accountChangeSchema = z.object({ accountId: z.string().trim().min(1).max(100) });

export type AccountChangeInput = z.input<typeof accountChangeSchema>;

export const ACCOUNT_CHANGES = ["disable", "enable"] as const;
export type AccountChangeKind = (typeof ACCOUNT_CHANGES)[number];

/** The People list's one form per row: disable the account, or enable it again. */
export const accountStatusChangeSchema = accountChangeSchema.extend({ change: z.enum(ACCOUNT_CHANGES) });

export type AccountStatusChangeInput = z.input<typeof accountStatusChangeSchema>;
