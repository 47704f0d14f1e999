import type { ReactNode } from "react";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/server/entry/translations";
import { attachmentPath } from "@/server/attachments/get-attachment";
import { isInlineImage } from "@/server/attachments/sniff";
import type { AttachmentItem } from "@/server/requests/get-request-page";
import { formatBytes } from "@/ui/attachments/bytes";

// The files under a message of the thread: an icon by (sniffed) type, the name linking to the
// download, the size; a thumbnail for raster images. A file still being scanned, or found infected,
// is listed without a link: neither can be downloaded.

type Kind = "image" | "pdf" | "text" | "archive" | "other";

function kindOf(contentType: string): Kind {
  if (contentType.startsWith("image/")) return "image";
  if (contentType === "application/pdf") return "pdf";
  if (contentType.startsWith("text/")) return "text";
  if (contentType === "application/zip" || contentType === "application/gzip") return "archive";
  return "other";
}

const ICON_PATHS: Record<Kind, ReactNode> = {
  image: (
    <>
      <rect x="3" y="4" width="14" height="12" rx="1.5" />
      <circle cx="7.5" cy="8" r="1.5" />
      <path d="m4 15 4-4 3 3 2-2 3 3" />
    </>
  ),
  pdf: (
    <>
      <path d="M5 2h7l4 4v12H5z" />
      <path d="M12 2v4h4" />
      <path d="M7.5 13h5M7.5 10h5" />
    </>
  ),
  text: (
    <>
      <path d="M5 2h7l4 4v12H5z" />
      <path d="M12 2v4h4" />
      <path d="M7.5 9h5M7.5 12h5M7.5 15h3" />
    </>
  ),
  archive: (
    <>
      <rect x="4" y="3" width="12" height="14" rx="1.5" />
      <path d="M10 3v2m0 2v2m0 2v2" />
    </>
  ),
  other: (
    <>
      <path d="M5 2h7l4 4v12H5z" />
      <path d="M12 2v4h4" />
    </>
  ),
};

function FileIcon({ kind }: { kind: Kind }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" className="h-5 w-5 shrink-0 fill-none stroke-current stroke-[1.5] text-slate-500" data-kind={kind}>
      {ICON_PATHS[kind]}
    </svg>
  );
}

export async function AttachmentList({ files }: { files: readonly AttachmentItem[] }) {
  if (files.length === 0) return null;
  const [t, locale] = await Promise.all([getTranslations("attachments"), getLocale()]);
  return (
    <ul aria-label={t("listLabel")} className="mt-3 flex flex-wrap gap-2">
      {files.map((file) => {
        const size = formatBytes(file.byteSize, locale);
        const available = file.scanStatus === "clean";
        const href = attachmentPath(file);
        return (
          <li key={file.id} className="flex max-w-full items-center gap-2 rounded-md border border-slate-200 bg-slate-50 px-2.5 py-1.5 text-sm">
            {available && isInlineImage(file.contentType) ? (
              // The full-size image; its bytes are served inline only because they were sniffed as a raster image.
              <a href={attachmentPath(file, { inline: true })} className="shrink-0">
                {/* eslint-disable-next-line @next/next/no-img-element */}
                <img src={attachmentPath(file, { inline: true })} loading="lazy" alt={file.fileName} className="h-12 w-12 rounded object-cover ring-1 ring-slate-200" />
              </a>
            ) : (
              <FileIcon kind={kindOf(file.contentType)} />
            )}
            <span className="min-w-0">
              {available ? (
                <a href={href} className="break-all font-medium text-indigo-700 underline underline-offset-2 hover:text-indigo-900">
                  {file.fileName}
                </a>
              ) : (
                <span className="break-all font-medium text-slate-800">{file.fileName}</span>
              )}{" "}
              <span className="whitespace-nowrap text-xs text-slate-600">
                {size}
                {file.scanStatus === "pending" && <> · {t("beingChecked")}</>}
              </span>
              {file.scanStatus === "infected" && <span className="ml-1 whitespace-nowrap text-xs font-semibold text-red-800">{t("blocked")}</span>}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
