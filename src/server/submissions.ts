import { createHash, randomUUID } from "node:crypto";
import { DAY } from "@/domain";
import type { Prisma } from "@/generated/prisma/client";
import type { Database } from "@/server/db/client";
import { invalid, refusedWith, type Outcome } from "./outcome";
import type { Viewer } from "./people/viewer";

// A form that creates something — a request, a reply, an internal note — carries a key made when its
// page was rendered (`newSubmissionKey`). Its use case claims the key, for the viewer, in the same
// transaction that writes what the form creates, before writing anything: a second submission of the
// same form (a double click, a resent POST, a retry after a lost answer) waits for the first one's
// transaction, then finds the key taken and answers what the first one answered, acting no more. A
// first submission that failed or was rolled back leaves the key free, so the form can be sent again.

/** The forms whose submissions are acted on once; stored with the key, for the record. */
export type SubmittedForm = "new_request" | "reply" | "agent_reply" | "internal_note" | "reminder" | "chat" | "merge" | "mark_solved";

/** What a use case answers when it went through, stored to answer a repeat with: JSON, one level. */
export type SubmissionAnswer = Record<string, string | number | boolean | null>;

export interface Submission {
  form: SubmittedForm;
  key: string;
  /** The input as the schema read it, without the key: a repeat must send the same. */
  input: unknown;
}

/** How long a key is kept; a form sent again after that is acted on again. */
export const SUBMISSION_RETENTION_MS = 7 * DAY;

/** A key for one rendering of a form. */
export function newSubmissionKey(): string {
  return randomUUID();
}

/** The submission a use case's parsed input makes for `form`. */
export function submissionOf(form: SubmittedForm, { submissionKey, ...input }: { submissionKey: string }): Submission {
  return { form, key: submissionKey, input };
}

interface Stored {
  /** The input's digest, which a repeat must match. */
  input: string;
  /** Written with what was done, in the same transaction: never seen without it by anyone else. */
  answer?: SubmissionAnswer;
}

/**
 * `act` at most once for this submission of the viewer's, inside `tx` — the transaction `act` writes
 * in. A repeat (the key already taken, by a transaction that committed) gets the first answer.
 */
export async function onceIn<Answer extends SubmissionAnswer>(
  tx: Prisma.TransactionClient,
  viewer: Viewer,
  submission: Submission,
  act: () => Promise<Outcome<Answer>>,
): Promise<Outcome<Answer>> {
  const { form, key } = submission;
  const userId = viewer.actor.userId;
  const where = { userId_key: { userId, key } };
  const input = digest(submission.input);
  // ON CONFLICT DO NOTHING: while another transaction holds the same key, this waits for it; then it
  // inserts nothing if that one committed, and claims the key if that one was rolled back. No error
  // is raised either way, so the transaction stays usable for reading the first answer.
  const claimed = await tx.formSubmission.createMany({
    data: { userId, key, form, result: { input } satisfies Stored, createdAt: viewer.now },
    skipDuplicates: true,
  });
  if (claimed.count === 0) return earlierAnswer<Answer>(tx, where, form, input);

  const outcome = await act();
  if (outcome.ok) {
    const { ok, ...answer } = outcome;
    await tx.formSubmission.update({ where, data: { result: { input, answer: answer as SubmissionAnswer } satisfies Stored } });
  } else {
    // Refused or invalid: nothing was done, so the key stays free for sending the form again.
    await tx.formSubmission.delete({ where });
  }
  return outcome;
}

async function earlierAnswer<Answer extends SubmissionAnswer>(
  tx: Prisma.TransactionClient,
  where: Prisma.FormSubmissionWhereUniqueInput,
  form: SubmittedForm,
  input: string,
): Promise<Outcome<Answer>> {
  // A new statement: it sees the row the other transaction committed.
  const earlier = await tx.formSubmission.findUnique({ where, select: { form: true, result: true } });
  // Forgotten just now (older than the retention): the form is older than any key we keep.
  if (!earlier) return invalid({ submissionKey: "form_outdated" });
  // The row is ours: written by onceIn, for this user.
  const stored = earlier.result as unknown as Stored;
  // The same key with other content is not a repeat but a form shown again after it was sent (the
  // browser's back button): answering it as the first would drop what was written without a word, and
  // acting on it would leave its own repeats unguarded (its key is taken). A reload gives a new key.
  if (earlier.form !== form || stored.input !== input || !stored.answer) {
    return refusedWith("form_already_sent", "This form was sent already; reload the page to send something new.");
  }
  return { ok: true, ...(stored.answer as Answer) };
}

/** The input's fingerprint: the schema's output, in the schema's order of fields. */
function digest(input: unknown): string {
  return createHash("sha256").update(JSON.stringify(input)).digest("base64url");
}

/** Forgets the keys older than the retention, as of `now`; returns how many. */
export async function forgetOldSubmissions(db: Database, now: Date): Promise<number> {
  const { count } = await db.formSubmission.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - SUBMISSION_RETENTION_MS) } } });
  return count;
}
