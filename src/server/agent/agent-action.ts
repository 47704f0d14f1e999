import "server-only";
import type { z } from "zod";
import type { ChangeResult } from "@/server/requests/change-request";

// What every agent action on a request answers, so one form state type serves them all.

/** What is wrong with a form field, as codes the form translates. */
export type FieldErrorCode = "required" | "too_long" | "invalid";
export type FieldErrors = Record<string, FieldErrorCode[]>;

export type AgentActionResult =
  | { ok: true }
  /** Does not exist, or the viewer is not an agent: the same answer for all. */
  | { ok: false; reason: "not_found" }
  | { ok: false; reason: "invalid"; fieldErrors: FieldErrors }
  /** The workflow said no; `code` has a translated message (agentRequest.refusals.<code>). */
  | { ok: false; reason: "refused"; code: string; message: string }
  | { ok: false; reason: "conflict" };

/**
 * Bad input, read before the request: its answer cannot depend on the request. A malformed request id
 * is a request that does not exist.
 */
export function invalidInput(error: z.ZodError): AgentActionResult {
  const fieldErrors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "");
    if (field === "requestId") return { ok: false, reason: "not_found" };
    const code: FieldErrorCode = issue.code === "too_big" ? "too_long" : issue.code === "too_small" ? "required" : "invalid";
    fieldErrors[field] = [...new Set([...(fieldErrors[field] ?? []), code])];
  }
  return { ok: false, reason: "invalid", fieldErrors };
}

export function toActionResult(result: ChangeResult): AgentActionResult {
  if (result.ok) return { ok: true };
  if (result.reason === "refused") return { ok: false, reason: "refused", code: result.refusal.code, message: result.refusal.message };
  return result;
}
