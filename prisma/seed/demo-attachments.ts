// The demo data's attached files: where a demo message says it attaches something, it does. The
// files are made here, small and valid, from code — a one-page PDF, a CSV, a PNG drawn pixel by pixel
// and compressed with node:zlib — so the same bytes (and the same content-derived key) come out of
// every run.

import { createHash } from "node:crypto";
import { crc32, deflateSync } from "node:zlib";

export interface DemoAttachment {
  id: string;
  requestId: number;
  /** Words of the message the file goes with (its comment in the demo scripts). */
  inMessage: string;
  fileName: string;
  /** What the uploader's browser would have claimed. */
  declaredType: string;
  bytes: () => Buffer;
}

export const DEMO_ATTACHMENTS: readonly DemoAttachment[] = [
  // On an internal note: only agents see it, or may download it.
  {
    id: "seed-attachment-1001-renderer-log",
    requestId: 1001,
    inMessage: "Renderer log for schedule 88213",
    fileName: "renderer-88213.log",
    declaredType: "text/plain",
    bytes: () =>
      Buffer.from(
        [
          "schedule=88213 tile=1..11 status=done max=18.2s",
          "schedule=88213 tile=12 status=done elapsed=41.0s table=opportunity_history filter=none",
          "schedule=88213 tile=13 status=done elapsed=47.3s table=opportunity_history filter=none",
          "schedule=88213 render=timeout limit=30s",
          "",
        ].join("\n"),
        "utf8",
      ),
  },
  {
    id: "seed-attachment-1002-breakdown",
    requestId: 1002,
    inMessage: "I've attached the per-user breakdown",
    fileName: "INV-20931 per-user breakdown.csv",
    declaredType: "text/csv",
    bytes: seatBreakdownCsv,
  },
  {
    id: "seed-attachment-1059-export",
    requestId: 1059,
    inMessage: "Attached the PDF",
    fileName: "Regional Margin – export.pdf",
    declaredType: "application/pdf",
    bytes: () => minimalPdf("Regional Margin - landscape export (columns 16-18 cut off)"),
  },
  {
    id: "seed-attachment-1062-screenshot",
    requestId: 1062,
    inMessage: "Tabella giacenze",
    fileName: "riquadro-tabella-giacenze.png",
    declaredType: "image/png",
    bytes: tableScreenshotPng,
  },
];

export const sha256Of = (bytes: Buffer): string => createHash("sha256").update(bytes).digest("hex");

/** 45 billed seats: 38 active users and the 7 deactivated on the 14th. */
function seatBreakdownCsv(): Buffer {
  const lines = ["user,email,status,deactivated_on,billed"];
  for (let index = 1; index <= 45; index++) {
    const number = String(index).padStart(2, "0");
    const deactivated = index > 38;
    lines.push(`User ${number},user${number}@globex.test,${deactivated ? "deactivated" : "active"},${deactivated ? "2026-10-14" : ""},yes`);
  }
  return Buffer.from(`${lines.join("\r\n")}\r\n`, "utf8");
}

/** A one-page PDF with one line of text: the smallest file every viewer opens. */
function minimalPdf(text: string): Buffer {
  const escaped = text.replace(/[\\()]/g, (char) => `\\${char}`);
  const content = `BT /F1 14 Tf 50 520 Td (${escaped}) Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 842 595] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, "0")} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}

/** A small picture of a table tile: a title bar, a header row and striped rows. */
function tableScreenshotPng(): Buffer {
  const width = 160;
  const height = 100;
  const pixel = (x: number, y: number): [number, number, number] => {
    if (x === 0 || y === 0 || x === width - 1 || y === height - 1) return [203, 213, 225];
    if (y < 16) return [67, 56, 202];
    if (y < 28) return [226, 232, 240];
    if (x % 40 === 0) return [203, 213, 225];
    const row = Math.floor((y - 28) / 12);
    const inText = (y - 28) % 12 >= 4 && (y - 28) % 12 <= 7 && x % 40 >= 6 && x % 40 <= 6 + ((row * 7 + x) % 5) + 18;
    if (inText) return [51, 65, 85];
    return row % 2 === 0 ? [255, 255, 255] : [248, 250, 252];
  };
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const line = y * (width * 3 + 1);
    raw[line] = 0; // filter: none
    for (let x = 0; x < width; x++) raw.set(pixel(x, y), line + 1 + x * 3);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, truecolor, deflate, adaptive filters, no interlace
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", header), chunk("IDAT", deflateSync(raw, { level: 9 })), chunk("IEND", Buffer.alloc(0))]);
}

function chunk(type: string, data: Buffer): Buffer {
  const typeAndData = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData) >>> 0);
  return Buffer.concat([length, typeAndData, crc]);
}
