import "server-only";
import { readAttachmentConfig } from "@/config/env";
import type { Prisma } from "@/generated/prisma/client";
import { claimAttachments, type ClaimRefusal } from "@/server/attachments/pipeline";
import { invalid, type Failure } from "@/server/outcome";
import type { Viewer } from "@/server/people/viewer";

// A message's files are claimed in the transaction that writes the message, after it (the comment's
// id must be known): the message and its files are saved together or not at all. A refusal is thrown,
// so that the transaction — the message, the submission key, everything — is undone; the use case
// catches it outside the transaction and answers the form's `attachmentIds` field.

/** The files could not be attached: nothing the transaction wrote is kept. */
export class AttachmentsRefused extends Error {
  override name = "AttachmentsRefused";
  constructor(readonly code: ClaimRefusal) {
    super(`The attachments were refused: ${code}`);
  }

  /** What the form is answered. */
  get failure(): Failure {
    return invalid({ attachmentIds: this.code });
  }
}

/** Attaches the viewer's staged files to the request (commentId null: its description) or to one comment, inside `tx`. */
export async function attachFiles(
  tx: Prisma.TransactionClient,
  viewer: Viewer,
  files: { attachmentIds: readonly string[]; requestId: number; commentId: string | null },
): Promise<void> {
  if (files.attachmentIds.length === 0) return;
  const { maxFileBytes, maxMessageBytes, maxFiles } = readAttachmentConfig();
  const claimed = await claimAttachments(tx, {
    uploaderId: viewer.actor.userId,
    attachmentIds: files.attachmentIds,
    requestId: files.requestId,
    commentId: files.commentId,
    now: viewer.now,
    limits: { maxFileBytes, maxMessageBytes, maxFiles },
  });
  if (!claimed.ok) throw new AttachmentsRefused(claimed.code);
}
