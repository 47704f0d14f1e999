import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AttachmentConfig } from "@/config/env";
import { ClamdError, clamdScanner } from "@/server/attachments/clamd";
import { filesystemStore } from "@/server/attachments/filesystem";
import { stageUpload } from "@/server/attachments/pipeline";
import { scanAttachment, scanPendingAttachments } from "@/server/attachments/scan";
import type { AttachmentStore } from "@/server/attachments/store";
import { uploadAttachments } from "@/server/attachments/upload-attachments";
import { runAutomation } from "@/server/automation/run-automation";
import { CLAMD_STREAM_MAX_BYTES, EICAR, EICAR_FOUND, freePort, preparePrivateClamd } from "../setup/clamd";
import { prepareSeededDatabase } from "../setup/seeded-database";
import { viewerFor } from "../setup/viewers";

// Malware scanning against a real clamd (Debian's clamav-daemon) with a local database that knows the
// EICAR test file: verdicts, quarantine while pending, retries when the scanner is down, large files.

const seeded = prepareSeededDatabase();
const clamd = preparePrivateClamd();
let directory: string;
let store: AttachmentStore;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), "portico-scanning-"));
  store = filesystemStore(directory);
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

const MB = 1024 * 1024;
const MINUTE = 60_000;
const TIMEOUT_MS = 10_000;
const scanner = () => clamdScanner(clamd.tcpUrl, { timeoutMs: TIMEOUT_MS });
const configWith = (clamdUrl: string | undefined): AttachmentConfig => ({
  storage: { driver: "filesystem", directory: "" },
  maxFileBytes: 64 * 1024,
  maxMessageBytes: 100 * 1024,
  maxFiles: 3,
  clamdUrl,
});
const at = (minutes: number) => new Date(seeded.now.getTime() + 24 * 60 * MINUTE + minutes * MINUTE);

function uploadRequest(files: Array<{ name: string; text: string }>): Request {
  const form = new FormData();
  for (const file of files) form.append("files", new Blob([file.text], { type: "application/octet-stream" }), file.name);
  return new Request("http://portico.invalid/api/attachments", { method: "POST", body: form });
}

/** Alice's upload at `now`, scanned by `scanning` when given. */
async function upload(files: Array<{ name: string; text: string }>, now: Date, clamdUrl: string | undefined, scanning: ReturnType<typeof scanner> | null) {
  const viewer = await viewerFor(seeded.db, "alice@acme.test", now);
  return uploadAttachments(seeded.db, store, viewer, uploadRequest(files), configWith(clamdUrl), scanning);
}

const row = (id: string) =>
  seeded.db.attachment.findUniqueOrThrow({ where: { id }, select: { scanStatus: true, scanAttempts: true, scanResult: true, scannedAt: true, storageKey: true } });

/** `bytes` MB of random bytes, then `tail`, produced as a stream: never one buffer. */
function largeStream(megabytes: number, tail = ""): Readable {
  return Readable.from(
    (function* () {
      for (let i = 0; i < megabytes; i++) yield randomBytes(MB);
      if (tail) yield Buffer.from(tail);
    })(),
  );
}

describe("the clamd scanner", () => {
  it("answers PING over TCP and over its Unix socket", async () => {
    await expect(scanner().ping()).resolves.toBeUndefined();
    await expect(clamdScanner(clamd.socketUrl, { timeoutMs: TIMEOUT_MS }).ping()).resolves.toBeUndefined();
  });

  it("finds a clean file clean and the EICAR file infected, with its signature", async () => {
    expect(await scanner().scan(Readable.from([Buffer.from("an ordinary log line\n")]))).toEqual({ clean: true });
    expect(await clamdScanner(clamd.socketUrl, { timeoutMs: TIMEOUT_MS }).scan(Readable.from([Buffer.from(EICAR)]))).toEqual({ clean: false, signature: EICAR_FOUND });
  });

  it("streams a file of several MB in chunks, to its last byte", async () => {
    expect(await scanner().scan(largeStream(6))).toEqual({ clean: true });
    // The test string after 6 MB is found only if every chunk before it arrived.
    expect(await scanner().scan(largeStream(6, EICAR))).toEqual({ clean: false, signature: EICAR_FOUND });
  });

  it("throws, never answers clean, when clamd refuses the stream or cannot be reached", async () => {
    const tooLong = scanner().scan(largeStream(CLAMD_STREAM_MAX_BYTES / MB + 1));
    await expect(tooLong).rejects.toThrow(ClamdError);
    // clamd answers "size limit exceeded" and closes; when our next write races its close, the
    // connection is reset before the answer is read. Either way the file is not called clean.
    await expect(tooLong).rejects.toThrow(/size limit exceeded|dropped the connection/);
    const nobody = clamdScanner(`tcp://127.0.0.1:${await freePort()}`, { timeoutMs: TIMEOUT_MS });
    await expect(nobody.scan(Readable.from([Buffer.from("anything")]))).rejects.toThrow(/could not be reached/);
    await expect(nobody.ping()).rejects.toThrow(ClamdError);
  });
});

describe("scanning attachments", () => {
  it("a clean upload is answered clean, its row recording the scan", async () => {
    const now = at(0);
    const answer = await upload([{ name: "notes.txt", text: "clean notes 1" }], now, clamd.tcpUrl, scanner());
    expect(answer).toMatchObject({ ok: true, attachments: [{ fileName: "notes.txt", scanStatus: "clean" }] });
    const id = answer.ok ? answer.attachments[0]!.id : "";
    expect(await row(id)).toMatchObject({ scanStatus: "clean", scanAttempts: 1, scanResult: null, scannedAt: now });
  });

  it("an infected upload is refused with the file's name; its row stays as the record and its bytes are gone", async () => {
    const now = at(1);
    const answer = await upload([{ name: "fine.txt", text: "clean notes 2" }, { name: "eicar.com", text: EICAR }], now, clamd.tcpUrl, scanner());
    expect(answer).toEqual({ ok: false, code: "infected", fileName: "eicar.com" });
    const rows = await seeded.db.attachment.findMany({ where: { createdAt: now }, select: { fileName: true, scanStatus: true, scanResult: true, scanAttempts: true, storageKey: true } });
    // Nothing of the refused upload stays staged but the record of the infected file.
    expect(rows).toEqual([{ fileName: "eicar.com", scanStatus: "infected", scanResult: EICAR_FOUND, scanAttempts: 1, storageKey: expect.any(String) }]);
    expect(await store.has(rows[0]!.storageKey)).toBe(false);
  });

  it("with the scanner down the file waits, its attempts counted; a later pass with clamd up makes it clean", async () => {
    const t0 = at(10);
    await clamd.stop();
    try {
      const answer = await upload([{ name: "report.txt", text: "clean notes 3" }], t0, clamd.tcpUrl, scanner());
      // The upload, and so the message it goes with, goes through: the file is pending.
      expect(answer).toMatchObject({ ok: true, attachments: [{ fileName: "report.txt", scanStatus: "pending" }] });
      const id = answer.ok ? answer.attachments[0]!.id : "";
      expect(await row(id)).toMatchObject({ scanStatus: "pending", scanAttempts: 1, scanResult: expect.stringMatching(/could not be reached/), scannedAt: t0 });
      expect(await store.has((await row(id)).storageKey)).toBe(true);

      // Retried after 2 minutes (1 failed attempt), not before; still down: attempts 2, next in 4 minutes.
      expect(await scanPendingAttachments(seeded.db, store, scanner(), new Date(t0.getTime() + MINUTE), 10)).toBe(0);
      expect(await row(id)).toMatchObject({ scanAttempts: 1 });
      expect(await scanPendingAttachments(seeded.db, store, scanner(), new Date(t0.getTime() + 2 * MINUTE), 10)).toBe(0);
      expect(await row(id)).toMatchObject({ scanStatus: "pending", scanAttempts: 2, scannedAt: new Date(t0.getTime() + 2 * MINUTE) });
    } finally {
      await clamd.start();
    }

    const early = await runAutomation(seeded.db, { now: new Date(t0.getTime() + 5 * MINUTE), scanning: { scanner: scanner(), store } });
    expect(early.scannedAttachments).toBe(0);
    const due = new Date(t0.getTime() + 6 * MINUTE);
    const pass = await runAutomation(seeded.db, { now: due, scanning: { scanner: scanner(), store } });
    expect(pass.scannedAttachments).toBe(1);
    const [file] = await seeded.db.attachment.findMany({ where: { createdAt: t0 }, select: { scanStatus: true, scanAttempts: true, scanResult: true, scannedAt: true } });
    expect(file).toEqual({ scanStatus: "clean", scanAttempts: 3, scanResult: null, scannedAt: due });
  });

  it("a pass scans waiting files oldest first; an infected one's twins get its verdict and the shared bytes go", async () => {
    const now = at(30);
    const viewer = await viewerFor(seeded.db, "bob@acme.test", now);
    const stage = (text: string, fileName: string, minutes: number) =>
      stageUpload(seeded.db, store, { body: Readable.from([Buffer.from(text)]), fileName, declaredType: null, uploaderId: viewer.actor.userId, now: new Date(now.getTime() + minutes * MINUTE), maxBytes: MB, scanned: true });
    const first = await stage(EICAR, "first.com", 0);
    const twin = await stage(EICAR, "twin.com", 1);
    const clean = await stage("clean notes 4", "clean.txt", 2);
    expect([first.scanStatus, twin.scanStatus, clean.scanStatus]).toEqual(["pending", "pending", "pending"]);

    expect(await scanPendingAttachments(seeded.db, store, scanner(), new Date(now.getTime() + 10 * MINUTE), 10)).toBe(2);
    expect(await row(first.id)).toMatchObject({ scanStatus: "infected", scanResult: EICAR_FOUND, scanAttempts: 1 });
    expect(await row(twin.id)).toMatchObject({ scanStatus: "infected", scanResult: EICAR_FOUND, scanAttempts: 1 });
    expect(await row(clean.id)).toMatchObject({ scanStatus: "clean", scanAttempts: 1 });
    expect(await store.has((await row(first.id)).storageKey)).toBe(false);
    // A single scan of a row already decided changes nothing.
    expect(await scanAttachment(seeded.db, store, scanner(), twin.id, new Date(now.getTime() + 11 * MINUTE))).toBe("infected");
  });

  it("two passes at once on two instances scan each waiting file once", async () => {
    const now = at(35);
    const viewer = await viewerFor(seeded.db, "carol@acme.test", now);
    const files = await Promise.all(
      [1, 2, 3, 4].map((n) =>
        stageUpload(seeded.db, store, { body: Readable.from([Buffer.from(`parallel notes ${n}`)]), fileName: `p${n}.txt`, declaredType: null, uploaderId: viewer.actor.userId, now, maxBytes: MB, scanned: true }),
      ),
    );
    const passAt = new Date(now.getTime() + 2 * MINUTE);
    const [a, b] = await Promise.all([scanPendingAttachments(seeded.db, store, scanner(), passAt, 10), scanPendingAttachments(seeded.db, store, scanner(), passAt, 10)]);
    // A claim that lost a race may end a pass early; the next one takes what is left.
    const c = await scanPendingAttachments(seeded.db, store, scanner(), passAt, 10);
    expect(a + b + c).toBe(4);
    const rows = await seeded.db.attachment.findMany({ where: { id: { in: files.map(({ id }) => id) } }, select: { scanStatus: true, scanAttempts: true } });
    expect(rows).toEqual(files.map(() => ({ scanStatus: "clean", scanAttempts: 1 })));
  });

  it("a file of several MB goes through the store and the scanner as a stream", async () => {
    const now = at(40);
    const viewer = await viewerFor(seeded.db, "bob@acme.test", now);
    const staged = await stageUpload(seeded.db, store, { body: largeStream(5), fileName: "dump.bin", declaredType: null, uploaderId: viewer.actor.userId, now, maxBytes: 8 * MB, scanned: true });
    expect(await scanAttachment(seeded.db, store, scanner(), staged.id, now)).toBe("clean");
    expect(await row(staged.id)).toMatchObject({ scanStatus: "clean", scanAttempts: 1 });
  });

  it("without a scanner configured, staged files are available at once", async () => {
    const answer = await upload([{ name: "plain.txt", text: "clean notes 5" }], at(50), undefined, null);
    expect(answer).toMatchObject({ ok: true, attachments: [{ fileName: "plain.txt", scanStatus: "clean" }] });
    const id = answer.ok ? answer.attachments[0]!.id : "";
    expect(await row(id)).toMatchObject({ scanStatus: "clean", scanAttempts: 0, scannedAt: null });
  });

  it("with CLAMD_URL set but no scanner at hand, the file waits rather than being available", async () => {
    const answer = await upload([{ name: "later.txt", text: "clean notes 6" }], at(60), clamd.tcpUrl, null);
    expect(answer).toMatchObject({ ok: true, attachments: [{ scanStatus: "pending" }] });
  });
});
