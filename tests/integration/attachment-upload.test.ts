import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AttachmentConfig } from "@/config/env";
import { filesystemStore } from "@/server/attachments/filesystem";
import { cleanFileName } from "@/server/attachments/pipeline";
import type { AttachmentStore } from "@/server/attachments/store";
import { uploadAttachments } from "@/server/attachments/upload-attachments";
import { prepareSeededDatabase } from "../setup/seeded-database";
import { viewerFor } from "../setup/viewers";

// POST /api/attachments as its use case sees it: a real multipart request, parsed as it streams.

const seeded = prepareSeededDatabase();
let directory: string;
let store: AttachmentStore;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), "portico-attachments-"));
  store = filesystemStore(directory);
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

const KB = 1024;
const config: AttachmentConfig = { storage: { driver: "filesystem", directory: "" }, maxFileBytes: 64 * KB, maxMessageBytes: 100 * KB, maxFiles: 3, clamdUrl: undefined };
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

function uploadRequest(files: Array<{ name: string; bytes: Uint8Array | string; type?: string }>): Request {
  const form = new FormData();
  for (const file of files) form.append("files", new Blob([typeof file.bytes === "string" ? file.bytes : new Uint8Array(file.bytes)], { type: file.type ?? "application/octet-stream" }), file.name);
  return new Request("http://portico.invalid/api/attachments", { method: "POST", body: form });
}

const upload = async (email: string, request: Request, limits = config) => uploadAttachments(seeded.db, store, await viewerFor(seeded.db, email), request, limits);

async function storedKeys(): Promise<string[]> {
  const keys: string[] = [];
  for await (const key of store.keys()) keys.push(key);
  return keys;
}

describe("uploading files ahead of their message", () => {
  it("stages each file for its uploader with its size, hash and sniffed type — not the claimed one", async () => {
    const answer = await upload("alice@acme.test", uploadRequest([
      { name: "screenshot.png", bytes: PNG, type: "image/png" },
      { name: "not-an-image.png", bytes: "<html><script>alert(1)</script></html>", type: "image/png" },
      { name: "../../etc/passwd", bytes: "root:x:0:0", type: "text/plain" },
    ]));
    expect(answer.ok).toBe(true);
    const rows = await seeded.db.attachment.findMany({ where: { id: { in: answer.ok ? answer.attachments.map(({ id }) => id) : [] } }, orderBy: { fileName: "asc" } });
    expect(rows.map(({ fileName, contentType, declaredType, byteSize, requestId, attachedAt, scanStatus }) => ({ fileName, contentType, declaredType, byteSize, requestId, attachedAt, scanStatus }))).toEqual([
      { fileName: "not-an-image.png", contentType: "text/plain", declaredType: "image/png", byteSize: 38, requestId: null, attachedAt: null, scanStatus: "clean" },
      { fileName: "passwd", contentType: "text/plain", declaredType: "text/plain", byteSize: 10, requestId: null, attachedAt: null, scanStatus: "clean" },
      { fileName: "screenshot.png", contentType: "image/png", declaredType: "image/png", byteSize: PNG.length, requestId: null, attachedAt: null, scanStatus: "clean" },
    ]);
    // The key says nothing of the file's name.
    for (const row of rows) expect(row.storageKey).toBe(`sha256/${row.sha256.slice(0, 2)}/${row.sha256.slice(2, 4)}/${row.sha256}`);
  });

  it("stores identical content once, however many times it is uploaded", async () => {
    const before = (await storedKeys()).length;
    const bytes = "the same log line\n".repeat(100);
    const first = await upload("bob@acme.test", uploadRequest([{ name: "a.log", bytes }]));
    const second = await upload("carol@acme.test", uploadRequest([{ name: "b.log", bytes }, { name: "c.log", bytes }]));
    expect(first.ok && second.ok).toBe(true);
    expect((await storedKeys()).length).toBe(before + 1);
  });

  it("refuses a file over the size limit, naming it, and keeps none of the upload", async () => {
    const before = await seeded.db.attachment.count();
    const answer = await upload("alice@acme.test", uploadRequest([{ name: "small.txt", bytes: "fine" }, { name: "huge.bin", bytes: new Uint8Array(64 * KB + 1) }]));
    expect(answer).toEqual({ ok: false, code: "too_large", fileName: "huge.bin" });
    expect(await seeded.db.attachment.count()).toBe(before);
  });

  it("refuses an empty file, too many files, and a declared length over the message's total before reading the body", async () => {
    expect(await upload("alice@acme.test", uploadRequest([{ name: "empty.txt", bytes: "" }]))).toEqual({ ok: false, code: "empty", fileName: "empty.txt" });
    const four = [1, 2, 3, 4].map((n) => ({ name: `f${n}.txt`, bytes: `file ${n}` }));
    expect(await upload("alice@acme.test", uploadRequest(four))).toMatchObject({ ok: false, code: "too_many" });

    let read = false;
    // No chunk is asked for until someone reads.
    const endless = new ReadableStream<Uint8Array>(
      {
        pull() {
          read = true;
          throw new Error("the body must not be read");
        },
      },
      { highWaterMark: 0 },
    );
    const oversized = new Request("http://portico.invalid/api/attachments", {
      method: "POST",
      body: endless,
      headers: { "content-type": "multipart/form-data; boundary=x", "content-length": String(10 * 1024 * 1024) },
      duplex: "half",
    } as RequestInit);
    expect(await upload("alice@acme.test", oversized)).toEqual({ ok: false, code: "message_too_large", fileName: null });
    expect(read).toBe(false);
  });

  it("leaves nothing of a refused upload behind, not even the file it was storing when the refusal came", async () => {
    const four = [1, 2, 3, 4].map((n) => ({ name: `late-${n}.txt`, bytes: `a file storing late ${n}` }));
    const whole = uploadRequest(four);
    const bytes = Buffer.from(await whole.arrayBuffer());
    // The first file arrives alone; the other three, the fourth one too many, once it is being stored.
    const boundary = `--${whole.headers.get("content-type")!.split("boundary=")[1]}`;
    const secondPart = bytes.indexOf(boundary, boundary.length);
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.slice(0, secondPart));
        setTimeout(() => {
          controller.enqueue(bytes.slice(secondPart));
          controller.close();
        }, 20);
      },
    });
    const request = new Request(whole.url, { method: "POST", body, headers: { "content-type": whole.headers.get("content-type")! }, duplex: "half" } as RequestInit);
    const rowsOf = () => seeded.db.attachment.count({ where: { fileName: { startsWith: "late-" } } });

    expect(await upload("bob@acme.test", request)).toMatchObject({ ok: false, code: "too_many" });
    expect(await rowsOf()).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await rowsOf()).toBe(0);
  });

  it("refuses a body that is not multipart", async () => {
    const request = new Request("http://portico.invalid/api/attachments", { method: "POST", body: "hello", headers: { "content-type": "text/plain" } });
    expect(await upload("alice@acme.test", request)).toEqual({ ok: false, code: "not_multipart", fileName: null });
  });

  it("counts a person's files not yet sent: past two messages' worth, uploads wait for a message", async () => {
    const limits = { ...config, maxMessageBytes: 40 * KB, maxFileBytes: 40 * KB };
    const file = (n: number) => ({ name: `part-${n}.bin`, bytes: new Uint8Array(30 * KB).fill(n) });
    expect((await upload("dave@acme.test", uploadRequest([file(1)]), limits)).ok).toBe(true);
    expect((await upload("dave@acme.test", uploadRequest([file(2)]), limits)).ok).toBe(true);
    expect(await upload("dave@acme.test", uploadRequest([file(3)]), limits)).toEqual({ ok: false, code: "message_too_large", fileName: "part-3.bin" });
  });
});

describe("file names", () => {
  it.each([
    ["C:\\Users\\me\\report.pdf", "report.pdf"],
    ["../../secret.txt", "secret.txt"],
    ["a\u0000b\u0007c.txt", "abc.txt"],
    ["   ", "file"],
    ["x".repeat(300), "x".repeat(255)],
  ])("%j is shown as %j", (raw, shown) => {
    expect(cleanFileName(raw)).toBe(shown);
  });
});
