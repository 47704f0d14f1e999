import "server-only";
import { Readable } from "node:stream";
import busboy from "busboy";
import type { AttachmentConfig } from "@/config/env";
import type { Database } from "@/server/db/client";
import type { Viewer } from "@/server/people/viewer";
import { stageUpload, UploadRefused, type StagedAttachment, type UploadRefusal } from "./pipeline";
import { scanAttachment } from "./scan";
import type { Scanner } from "./scanner";
import type { AttachmentStore } from "./store";

// Uploading files before sending the message they go with (POST /api/attachments): each file is
// streamed to the store as it arrives and staged for its uploader; the message's own submission
// claims them (claimAttachments). Limits are enforced while reading, never after buffering.

export type UploadAnswer =
  | { ok: true; attachments: StagedAttachment[] }
  | { ok: false; code: UploadRefusal | "not_multipart" | "too_many_unsent" | "infected"; fileName: string | null };

/** The scanner found malware in a file: the whole upload is refused; the file's row stays as the record. */
class InfectedUpload extends Error {
  constructor(readonly fileName: string) {
    super(`${fileName}: infected`);
  }
}

/** Room for the multipart framing around the files. */
const FRAMING_BYTES = 64 * 1024;

/** A person's files uploaded and not yet sent may add up to this many messages' worth. */
const UNSENT_MESSAGES = 2;

/**
 * With `scanner` (the one for `config.clamdUrl`), each file is scanned as soon as it is staged, so the
 * answer usually carries its verdict; when the scanner fails the file stays pending and the upload
 * succeeds — the automation tries it again. With CLAMD_URL set but no scanner given, files wait too.
 */
export async function uploadAttachments(
  db: Database,
  store: AttachmentStore,
  viewer: Viewer,
  request: Request,
  config: AttachmentConfig,
  scanner: Scanner | null = null,
): Promise<UploadAnswer> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.startsWith("multipart/form-data") || !request.body) return { ok: false, code: "not_multipart", fileName: null };
  // A declared length over the limit is refused before a byte of the body is read.
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > config.maxMessageBytes + FRAMING_BYTES) return { ok: false, code: "message_too_large", fileName: null };

  const uploaderId = viewer.actor.userId;
  const unsent = await db.attachment.aggregate({ where: { uploaderId, attachedAt: null, scanStatus: { not: "infected" } }, _sum: { byteSize: true } });
  let budget = UNSENT_MESSAGES * config.maxMessageBytes - (unsent._sum.byteSize ?? 0);
  if (budget <= 0) return { ok: false, code: "too_many_unsent", fileName: null };

  const staged: StagedAttachment[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      const parser = busboy({ headers: { "content-type": contentType }, limits: { files: config.maxFiles, fields: 0 } });
      const body = Readable.fromWeb(request.body as import("node:stream/web").ReadableStream<Uint8Array>);
      let work = Promise.resolve();
      let failed = false;
      const fail = (error: unknown) => {
        if (failed) return;
        failed = true;
        parser.removeAllListeners("file");
        // A file already being staged is staged first, so that the refusal deletes it with the others: nothing of a
        // refused upload is written after its answer.
        work.then(
          () => reject(error),
          () => reject(error),
        );
      };
      parser.on("file", (_field, file, info) => {
        work = work.then(async () => {
          if (failed) {
            file.resume();
            return;
          }
          const maxBytes = Math.min(config.maxFileBytes, budget);
          const attachment = await stageUpload(db, store, {
            body: file,
            fileName: info.filename ?? "file",
            declaredType: info.mimeType ?? null,
            uploaderId,
            now: viewer.now,
            maxBytes,
            scanned: config.clamdUrl !== undefined,
          }).catch((error: unknown) => {
            // Past the budget but under the file limit: the message's total, not the file, is too large.
            if (error instanceof UploadRefused && error.code === "too_large" && maxBytes < config.maxFileBytes) throw new UploadRefused("message_too_large", error.fileName);
            throw error;
          });
          const outcome = scanner && attachment.scanStatus === "pending" ? await scanAttachment(db, store, scanner, attachment.id, viewer.now) : attachment.scanStatus;
          if (outcome === "infected") throw new InfectedUpload(attachment.fileName);
          budget -= attachment.byteSize;
          staged.push({ ...attachment, scanStatus: outcome === "clean" ? "clean" : attachment.scanStatus });
        });
        work.catch(fail);
      });
      parser.on("filesLimit", () => fail(new UploadRefused("too_many", "")));
      parser.on("error", fail);
      parser.on("close", () => {
        if (!failed) work.then(resolve, fail);
      });
      // The body broke off: the file it was in ends with the error (busboy destroys it with the parser).
      body.on("error", (error) => {
        parser.destroy(error);
        fail(error);
      });
      body.pipe(parser);
    });
  } catch (error) {
    // Nothing of a refused upload stays staged; the objects it stored are removed with other unclaimed ones.
    if (staged.length > 0) await db.attachment.deleteMany({ where: { id: { in: staged.map(({ id }) => id) }, attachedAt: null } });
    if (error instanceof InfectedUpload) return { ok: false, code: "infected", fileName: error.fileName };
    if (error instanceof UploadRefused) return { ok: false, code: error.code, fileName: error.fileName || null };
    throw error;
  }
  if (staged.length === 0) return { ok: false, code: "empty", fileName: null };
  return { ok: true, attachments: staged };
}
