import { Readable } from "node:stream";
import { z } from "zod";
import { can } from "@/domain";
import type { Database } from "@/server/db/client";
import { notFound, refusedWith, type Outcome } from "@/server/outcome";
import type { Reader } from "@/server/people/viewer";
import { findRequestFor } from "@/server/requests/request-gate";
import { defineUseCase } from "@/server/use-case";
import { contentRange, parseRange } from "./range";
import { isInlineImage } from "./sniff";
import type { AttachmentStore } from "./store";

// Downloading an attachment (docs/SECURITY.md "Attachments"). Who may: whoever may see its request,
// asked of the one gate (findRequestFor); a file of an internal note only who may read internal
// notes; a staged file (not sent with a message yet) only its uploader, so the upload widget can show
// it. The name in the URL must be the file's own. Anything else is "not found", alike. A file still
// being scanned is not served yet; an infected one never is.

export interface DownloadableFile {
  id: string;
  fileName: string;
  contentType: string;
  byteSize: number;
  sha256: string;
  storageKey: string;
}

/** Why a file the viewer may see is not served now: the scanner has not decided yet. */
export const BEING_CHECKED = "being_checked";

/** How long a browser may reuse a file before asking again (the ETag makes the question cheap). */
export const DOWNLOAD_MAX_AGE_SECONDS = 300;

/** When to try a file that is being scanned again. */
export const SCAN_RETRY_AFTER_SECONDS = 30;

const attachmentRefSchema = z.object({
  attachmentId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  fileName: z.string().min(1).max(1024),
});

export const getAttachment = defineUseCase({
  input: attachmentRefSchema,
  identifies: ["attachmentId", "fileName"],
  run: async (db: Database, viewer: Reader, { attachmentId, fileName }): Promise<Outcome<{ file: DownloadableFile }>> => {
    const { actor, now } = viewer;
    const row = await db.attachment.findUnique({
      where: { id: attachmentId },
      select: {
        id: true,
        requestId: true,
        uploaderId: true,
        fileName: true,
        contentType: true,
        byteSize: true,
        sha256: true,
        storageKey: true,
        scanStatus: true,
        comment: { select: { visibility: true } },
      },
    });
    if (!row || !namesMatch(fileName, row.fileName)) return notFound();
    if (row.requestId === null) {
      if (actor.isAutomation || row.uploaderId !== actor.userId) return notFound();
    } else {
      const opened = await findRequestFor(db, viewer, row.requestId, { may: ["view_request"], select: { id: true } });
      if (!opened.ok) return opened;
      if (row.comment?.visibility === "internal" && !can(actor, "view_internal_notes", opened.access, now)) return notFound();
    }
    if (row.scanStatus === "infected") return notFound();
    if (row.scanStatus === "pending") return refusedWith(BEING_CHECKED, "The file is being checked for malware; try again shortly.");
    const { id, contentType, byteSize, sha256, storageKey } = row;
    return { ok: true, file: { id, fileName: row.fileName, contentType, byteSize, sha256, storageKey } };
  },
});

/** The URL's name against the file's: as the router decoded it, or still percent-encoded. */
function namesMatch(asked: string, fileName: string): boolean {
  if (asked === fileName) return true;
  try {
    return decodeURIComponent(asked) === fileName;
  } catch {
    return false;
  }
}

/** The download URL of a file, as the thread links it. */
export function attachmentPath(file: { id: string; fileName: string }, options: { inline?: boolean } = {}): string {
  return `/attachments/${encodeURIComponent(file.id)}/${encodeURIComponent(file.fileName)}${options.inline ? "?inline=1" : ""}`;
}

/**
 * Content-Disposition (RFC 6266) with the name twice: an ASCII fallback for old clients, and the
 * exact name percent-encoded as UTF-8 (RFC 8187), which current browsers prefer.
 */
export function contentDisposition(disposition: "attachment" | "inline", fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%]/g, "_").trim() || "download";
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${disposition}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * The headers every answer about a downloadable file carries. A file is never a page of ours: the
 * sandbox policy gives anything the browser renders anyway an opaque origin with no script, nosniff
 * keeps the browser to the sniffed type, and only raster images asked for inline are not downloads.
 */
export function downloadHeaders(file: DownloadableFile, inline: boolean): Headers {
  const showInline = inline && isInlineImage(file.contentType);
  return new Headers({
    "Content-Type": file.contentType,
    "Content-Disposition": contentDisposition(showInline ? "inline" : "attachment", file.fileName),
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "sandbox; default-src 'none'",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Cache-Control": `private, max-age=${DOWNLOAD_MAX_AGE_SECONDS}`,
    ETag: etagOf(file),
    "Accept-Ranges": "bytes",
  });
}

const etagOf = (file: DownloadableFile) => `"${file.sha256}"`;

/** If-None-Match (weak comparison): does the browser hold this version already? */
function holdsVersion(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").some((tag) => {
    const trimmed = tag.trim();
    return trimmed === "*" || trimmed.replace(/^W\//, "") === etag;
  });
}

export type DownloadAnswer =
  | { status: 200 | 206 | 304; headers: Headers; body: ReadableStream<Uint8Array> | null }
  | { status: 416; headers: Headers; body: null }
  | { status: 404; headers: null; body: null };

/**
 * The answer for a file the viewer may download: 304 when they hold it, 206 for one satisfiable
 * range, 416 for a range past the end, otherwise the whole file. The bytes stream from the store;
 * 404 when the store lost them.
 */
export async function downloadAnswer(store: AttachmentStore, file: DownloadableFile, request: { headers: Headers; method: string; inline: boolean }): Promise<DownloadAnswer> {
  const headers = downloadHeaders(file, request.inline);
  const etag = etagOf(file);
  if (holdsVersion(request.headers.get("if-none-match"), etag)) return { status: 304, headers, body: null };
  // If-Range: a part only of the version the browser has started downloading.
  const ifRange = request.headers.get("if-range");
  const answer = ifRange && ifRange.trim() !== etag ? { kind: "whole" as const } : parseRange(request.headers.get("range"), file.byteSize);
  if (answer.kind === "unsatisfiable") {
    headers.set("Content-Range", contentRange(null, file.byteSize));
    return { status: 416, headers, body: null };
  }
  const range = answer.kind === "partial" ? answer.range : undefined;
  const object = await store.get(file.storageKey, range);
  if (!object) return { status: 404, headers: null, body: null };
  headers.set("Content-Length", String(range ? range.end - range.start + 1 : object.byteSize));
  if (range) headers.set("Content-Range", contentRange(range, object.byteSize));
  if (request.method === "HEAD") {
    object.body.destroy();
    return { status: range ? 206 : 200, headers, body: null };
  }
  return { status: range ? 206 : 200, headers, body: Readable.toWeb(object.body) as ReadableStream<Uint8Array> };
}
