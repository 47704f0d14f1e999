// What a file is, from its first bytes — never from its name or the uploader's claim. Only the
// raster images below may ever be shown in a page; everything else is served as a download, so the
// list only has to tell those apart reliably, and name common documents for the icon.

export const INLINE_IMAGE_TYPES = ["image/png", "image/jpeg", "image/gif", "image/webp"] as const;

/** How many leading bytes the sniffer reads. */
export const SNIFF_BYTES = 64;

const SIGNATURES: Array<{ type: string; at?: number; bytes: number[] | string }> = [
  { type: "image/png", bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: "image/jpeg", bytes: [0xff, 0xd8, 0xff] },
  { type: "image/gif", bytes: "GIF87a" },
  { type: "image/gif", bytes: "GIF89a" },
  { type: "application/pdf", bytes: "%PDF-" },
  { type: "application/zip", bytes: [0x50, 0x4b, 0x03, 0x04] },
  { type: "application/gzip", bytes: [0x1f, 0x8b] },
];

function startsWith(head: Uint8Array, bytes: number[] | string, at = 0): boolean {
  const expected = typeof bytes === "string" ? [...bytes].map((char) => char.charCodeAt(0)) : bytes;
  return expected.every((byte, index) => head[at + index] === byte);
}

export function sniffContentType(head: Uint8Array): string {
  // WebP: "RIFF" <size> "WEBP".
  if (startsWith(head, "RIFF") && startsWith(head, "WEBP", 8)) return "image/webp";
  for (const { type, bytes, at } of SIGNATURES) if (startsWith(head, bytes, at)) return type;
  if (head.length > 0 && looksLikeText(head)) return "text/plain";
  return "application/octet-stream";
}

// Printable UTF-8 or ASCII with ordinary whitespace: shown as text in the icon, still served as a download.
function looksLikeText(head: Uint8Array): boolean {
  for (const byte of head) {
    if (byte === 0x09 || byte === 0x0a || byte === 0x0d) continue;
    if (byte < 0x20 || byte === 0x7f) return false;
  }
  return true;
}

export function isInlineImage(contentType: string): boolean {
  return (INLINE_IMAGE_TYPES as readonly string[]).includes(contentType);
}
