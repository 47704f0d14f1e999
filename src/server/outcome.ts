import type { z } from "zod";
import type { Refusal } from "@/domain";

// What every use case answers, read or write, whichever entry point called it: one shape, so that a
// page, a server action and an HTTP route each map it in one place (src/server/entry/).

/** What is wrong with each field that was refused, as a stable code the entry point translates. */
export type FieldErrors = Partial<Record<string, string>>;

export type Failure =
  /** Does not exist, or the viewer may not see it or may not do this: the same answer for all. */
  | { ok: false; reason: "not_found" }
  /** The input was malformed; nothing was read that the answer could depend on. */
  | { ok: false; reason: "invalid"; fieldErrors: FieldErrors }
  /** A rule said no; `refusal.code` is stable (for translations), `refusal.message` readable. */
  | { ok: false; reason: "refused"; refusal: Refusal }
  /** Others kept changing the same thing meanwhile; nothing was saved. */
  | { ok: false; reason: "conflict" };

export type Outcome<T extends object = object> = ({ ok: true } & T) | Failure;

export const notFound = (): Failure => ({ ok: false, reason: "not_found" });

export const refused = (refusal: Refusal): Failure => ({ ok: false, reason: "refused", refusal });

/** A refusal of the use case's own, where no domain rule has a word for it. */
export const refusedWith = (code: string, message: string): Failure => refused({ code, message });

export const invalid = (fieldErrors: FieldErrors): Failure => ({ ok: false, reason: "invalid", fieldErrors });

export const conflict = (): Failure => ({ ok: false, reason: "conflict" });

/** A code the schema set on purpose (`{ error: "subject_too_long" }`), as opposed to zod's own sentences. */
const CODE = /^[a-z][a-z_]*$/;

/**
 * Malformed input as an outcome: the first problem of each field, as a code. Fields named in
 * `notFoundFields` identify what the viewer asked for (a request id): when they cannot be an id, the
 * thing does not exist.
 */
export function invalidInput(error: z.ZodError, notFoundFields: readonly string[] = []): Failure {
  const fieldErrors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "");
    if (notFoundFields.includes(field)) return notFound();
    fieldErrors[field] ??= CODE.test(issue.message) ? issue.message : genericCode(issue);
  }
  return invalid(fieldErrors);
}

function genericCode(issue: z.core.$ZodIssue): string {
  if (issue.code === "too_big") return "too_long";
  if (issue.code === "too_small") return "required";
  // Parsed with `reportInput` (src/server/use-case.ts): a field that is not there at all.
  if (issue.code === "invalid_type" && "input" in issue && issue.input === undefined) return "required";
  return "invalid";
}
