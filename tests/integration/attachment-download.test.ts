import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { readAttachmentConfig } from "@/config/env";
import { filesystemStore } from "@/server/attachments/filesystem";
import { contentDisposition, downloadAnswer, getAttachment, type DownloadableFile } from "@/server/attachments/get-attachment";
import { stageUpload } from "@/server/attachments/pipeline";
import type { Reader } from "@/server/people/viewer";
import { getRequestPage } from "@/server/requests/get-request-page";
import { listRequests } from "@/server/requests/list-requests";
import { DEMO_ATTACHMENTS } from "../../prisma/seed/demo-attachments";
import { prepareSeededDatabase } from "../setup/seeded-database";
import { viewerFor } from "../setup/viewers";

// Who may download an attached file, and what the download answers (docs/SECURITY.md "Attachments").
// The seed wrote the demo files to the configured filesystem store; the tests read them from there.

const seeded = prepareSeededDatabase();
const NOW = seeded.now;
const store = () => {
  const { storage } = readAttachmentConfig();
  if (storage.driver !== "filesystem") throw new Error("these tests read the filesystem store");
  return filesystemStore(storage.directory);
};

const demo = (requestId: number) => DEMO_ATTACHMENTS.find((file) => file.requestId === requestId) ?? expect.unreachable();
const reader = async (email: string): Promise<Reader> => viewerFor(seeded.db, email, NOW);
/** A person with no relation to anything: what a signed-out visitor would be, had the route not answered 404 first. */
const nobody: Reader = { actor: { userId: "nobody", isAgent: false, memberships: [], grants: [] }, now: NOW };

async function answerFor(who: Reader, attachmentId: string, fileName: string) {
  return getAttachment(seeded.db, who, { attachmentId, fileName });
}

async function expectAllowed(who: Reader, attachmentId: string, fileName: string) {
  const answer = await answerFor(who, attachmentId, fileName);
  expect(answer.ok, `${who.actor.userId} on ${attachmentId}`).toBe(true);
}

async function expectNotFound(who: Reader, attachmentId: string, fileName: string) {
  expect(await answerFor(who, attachmentId, fileName), `${who.actor.userId} on ${attachmentId}`).toEqual({ ok: false, reason: "not_found" });
}

/** A file staged by `email` through the upload pipeline, as POST /api/attachments would. */
async function stage(email: string, fileName: string, bytes: Buffer, scanned = false) {
  const viewer = await reader(email);
  return stageUpload(seeded.db, store(), { body: Readable.from([bytes]), fileName, declaredType: null, uploaderId: viewer.actor.userId, now: NOW, maxBytes: 1_000_000, scanned });
}

/** Attaches a staged file straight to a message (the forms do it through claimAttachments). */
async function attach(id: string, requestId: number, commentId: string | null) {
  await seeded.db.attachment.update({ where: { id }, data: { requestId, commentId, attachedAt: NOW } });
}

async function readAll(stream: ReadableStream<Uint8Array> | null): Promise<Buffer> {
  if (!stream) return Buffer.alloc(0);
  return Buffer.from(await new Response(stream).arrayBuffer());
}

describe("who may download an attachment", () => {
  it("lets everyone who sees the request download a demo file, and nobody else", async () => {
    const pdf = demo(1059); // alice's request, Acme
    await expectAllowed(await reader("alice@acme.test"), pdf.id, pdf.fileName);
    await expectAllowed(await reader("agent@portico.test"), pdf.id, pdf.fileName);
    // Carol reads every Acme request through her organization-level access.
    await expectAllowed(await reader("carol@acme.test"), pdf.id, pdf.fileName);
    await expectNotFound(await reader("gina@globex.test"), pdf.id, pdf.fileName);
    await expectNotFound(await reader("bob@acme.test"), pdf.id, pdf.fileName);
    await expectNotFound(nobody, pdf.id, pdf.fileName);

    // The renderer log is on an internal note of alice's request: agents only.
    const log = demo(1001);
    await expectAllowed(await reader("agent@portico.test"), log.id, log.fileName);
    await expectNotFound(await reader("alice@acme.test"), log.id, log.fileName);
    await expectNotFound(await reader("carol@acme.test"), log.id, log.fileName);

    const csv = demo(1002); // gina's request, Globex
    await expectAllowed(await reader("gina@globex.test"), csv.id, csv.fileName);
    await expectNotFound(await reader("alice@acme.test"), csv.id, csv.fileName);
  });

  it("lets a CC download the files of the request", async () => {
    const request = await seeded.db.request.findFirstOrThrow({ where: { ccs: { some: { user: { email: "bob@acme.test" } } }, requester: { email: "alice@acme.test" } }, select: { id: true } });
    const file = await stage("alice@acme.test", "cc-visible.txt", Buffer.from("for everyone on the request\n"));
    await attach(file.id, request.id, null);
    await expectAllowed(await reader("bob@acme.test"), file.id, "cc-visible.txt");
    await expectAllowed(await reader("alice@acme.test"), file.id, "cc-visible.txt");
    await expectNotFound(await reader("gina@globex.test"), file.id, "cc-visible.txt");
  });

  it("keeps an internal note's file from customers, even the requester, and lists it only for agents", async () => {
    const note = await seeded.db.comment.findFirstOrThrow({
      // A note with no file of its own yet (the demo data has one with a log), whichever the database returns first.
      where: { visibility: "internal", attachments: { none: {} }, request: { requester: { email: "alice@acme.test" } } },
      select: { id: true, requestId: true },
    });
    const file = await stage("agent@portico.test", "internal-log.txt", Buffer.from("renderer log\n"));
    await attach(file.id, note.requestId, note.id);
    await expectNotFound(await reader("alice@acme.test"), file.id, "internal-log.txt");
    await expectNotFound(await reader("carol@acme.test"), file.id, "internal-log.txt");
    await expectAllowed(await reader("agent@portico.test"), file.id, "internal-log.txt");

    const forAlice = await getRequestPage(seeded.db, await reader("alice@acme.test"), { requestId: note.requestId });
    const forAgent = await getRequestPage(seeded.db, await reader("agent@portico.test"), { requestId: note.requestId });
    if (!forAlice.ok || !forAgent.ok) throw new Error("both see the request");
    expect(JSON.stringify(forAlice.page)).not.toContain("internal-log.txt");
    const agentNote = forAgent.page.thread.find((entry) => entry.kind === "comment" && entry.id === note.id);
    expect(agentNote?.kind === "comment" && agentNote.attachments.map((item) => item.fileName)).toEqual(["internal-log.txt"]);
  });

  it("lets only the uploader download a staged file, even agents not", async () => {
    const file = await stage("alice@acme.test", "draft.png", Buffer.from("not sent yet\n"));
    await expectAllowed(await reader("alice@acme.test"), file.id, "draft.png");
    await expectNotFound(await reader("bob@acme.test"), file.id, "draft.png");
    await expectNotFound(await reader("agent@portico.test"), file.id, "draft.png");
  });

  it("answers not found for a wrong name, an unknown id or ids that are not ids", async () => {
    const pdf = demo(1059);
    const alice = await reader("alice@acme.test");
    await expectNotFound(alice, pdf.id, "other.pdf");
    await expectNotFound(alice, pdf.id, pdf.fileName.toUpperCase());
    await expectNotFound(alice, "does-not-exist", pdf.fileName);
    for (const notAnId of ["", "../etc", "a b", "x".repeat(65)]) await expectNotFound(alice, notAnId, pdf.fileName);
    // The name as the URL carries it, percent-encoded, is the same name.
    await expectAllowed(alice, pdf.id, encodeURIComponent(pdf.fileName));
  });

  it("serves no file before its scan is clean: 'being checked' while pending, not found once infected", async () => {
    const file = await stage("alice@acme.test", "waiting.txt", Buffer.from("scan me\n"), true);
    const alice = await reader("alice@acme.test");
    const pending = await answerFor(alice, file.id, "waiting.txt");
    expect(pending).toMatchObject({ ok: false, reason: "refused", refusal: { code: "being_checked" } });
    await seeded.db.attachment.update({ where: { id: file.id }, data: { scanStatus: "infected" } });
    await expectNotFound(alice, file.id, "waiting.txt");
    await seeded.db.attachment.update({ where: { id: file.id }, data: { scanStatus: "clean" } });
    await expectAllowed(alice, file.id, "waiting.txt");
  });
});

describe("the download's answer", () => {
  async function demoFile(requestId: number): Promise<DownloadableFile & { bytes: Buffer }> {
    const spec = demo(requestId);
    const answer = await answerFor(await reader("agent@portico.test"), spec.id, spec.fileName);
    if (!answer.ok) throw new Error("the agent may download every demo file");
    return { ...answer.file, bytes: spec.bytes() };
  }
  const ask = (headers: Record<string, string> = {}, inline = false) => ({ headers: new Headers(headers), method: "GET", inline });

  it("streams the whole file as a download, with the security headers", async () => {
    const file = await demoFile(1059);
    const answer = await downloadAnswer(store(), file, ask());
    expect(answer.status).toBe(200);
    expect(await readAll(answer.body)).toEqual(file.bytes);
    const headers = answer.headers ?? expect.unreachable();
    expect(headers.get("content-type")).toBe("application/pdf");
    expect(headers.get("content-disposition")).toBe(`attachment; filename="Regional Margin _ export.pdf"; filename*=UTF-8''Regional%20Margin%20%E2%80%93%20export.pdf`);
    expect(headers.get("x-content-type-options")).toBe("nosniff");
    expect(headers.get("content-security-policy")).toBe("sandbox; default-src 'none'");
    expect(headers.get("cache-control")).toMatch(/^private, max-age=\d+$/);
    expect(headers.get("etag")).toBe(`"${file.sha256}"`);
    expect(headers.get("accept-ranges")).toBe("bytes");
    expect(headers.get("content-length")).toBe(String(file.bytes.length));
  });

  it("shows inline only a sniffed raster image asked for inline", async () => {
    const png = await demoFile(1062);
    expect((await downloadAnswer(store(), png, ask({}, true))).headers?.get("content-disposition")).toMatch(/^inline; /);
    expect((await downloadAnswer(store(), png, ask())).headers?.get("content-disposition")).toMatch(/^attachment; /);
    const pdf = await demoFile(1059);
    expect((await downloadAnswer(store(), pdf, ask({}, true))).headers?.get("content-disposition")).toMatch(/^attachment; /);
  });

  it("answers 304 to a browser that holds this version", async () => {
    const file = await demoFile(1002);
    const answer = await downloadAnswer(store(), file, ask({ "If-None-Match": `W/"other", "${file.sha256}"` }));
    expect(answer.status).toBe(304);
    expect(answer.body).toBeNull();
  });

  it("answers a range with 206 and those bytes, past the end with 416, and the whole file when If-Range names another version", async () => {
    const file = await demoFile(1002);
    const part = await downloadAnswer(store(), file, ask({ Range: "bytes=5-24" }));
    expect(part.status).toBe(206);
    expect(part.headers?.get("content-range")).toBe(`bytes 5-24/${file.bytes.length}`);
    expect(part.headers?.get("content-length")).toBe("20");
    expect(await readAll(part.body)).toEqual(file.bytes.subarray(5, 25));

    const tail = await downloadAnswer(store(), file, ask({ Range: "bytes=-10" }));
    expect(await readAll(tail.body)).toEqual(file.bytes.subarray(file.bytes.length - 10));

    const past = await downloadAnswer(store(), file, ask({ Range: `bytes=${file.bytes.length}-` }));
    expect(past.status).toBe(416);
    expect(past.headers?.get("content-range")).toBe(`bytes */${file.bytes.length}`);

    const stale = await downloadAnswer(store(), file, ask({ Range: "bytes=0-1", "If-Range": '"another"' }));
    expect(stale.status).toBe(200);
    expect(await readAll(stale.body)).toEqual(file.bytes);
  });

  it("names the file safely in Content-Disposition whatever its name", () => {
    expect(contentDisposition("attachment", 'a"b\\c%41.txt')).toBe(`attachment; filename="a_b_c_41.txt"; filename*=UTF-8''a%22b%5Cc%2541.txt`);
    expect(contentDisposition("attachment", "보고서.pdf")).toBe(`attachment; filename="___.pdf"; filename*=UTF-8''%EB%B3%B4%EA%B3%A0%EC%84%9C.pdf`);
    expect(contentDisposition("inline", "it's (1).png")).toBe(`inline; filename="it's (1).png"; filename*=UTF-8''it%27s%20%281%29.png`);
  });
});

describe("the thread's files", () => {
  it("lists the demo files under the messages that mention them", async () => {
    for (const [email, file] of [["alice@acme.test", demo(1059)], ["gina@globex.test", demo(1002)], ["gina@globex.test", demo(1062)]] as const) {
      const page = await getRequestPage(seeded.db, await reader(email), { requestId: file.requestId });
      if (!page.ok) throw new Error(`${email} sees #${file.requestId}`);
      const entry = page.page.thread.find((item) => item.kind === "comment" && item.body.includes(file.inMessage));
      expect(entry?.kind === "comment" && entry.attachments).toEqual([expect.objectContaining({ id: file.id, fileName: file.fileName, scanStatus: "clean" })]);
    }
  });
});

describe("searching by file name", () => {
  const found = async (email: string, q: string) => {
    const result = await listRequests(seeded.db, await reader(email), { q, scope: "mine" });
    return result.ok ? result.page.items.map((item) => item.id) : [];
  };

  it("finds a request by the name of a file of its thread, whole or by a part of it", async () => {
    expect(await found("gina@globex.test", "giacenze")).toContain(1062);
    expect(await found("gina@globex.test", "breakdown.csv")).toContain(1002);
    expect(await found("gina@globex.test", "breakdown")).toContain(1002);
    expect(await found("alice@acme.test", "Regional Margin export")).toContain(1059);
  });

  it("shows the file's name as the match, under the message it is attached to", async () => {
    const result = await listRequests(seeded.db, await reader("gina@globex.test"), { q: "riquadro tabella giacenze png", scope: "mine" });
    const item = result.ok ? result.page.items.find((candidate) => candidate.id === 1062) : undefined;
    expect(item?.match?.source).toBe("reply");
    expect(item?.match?.snippet.map((part) => part.text).join("")).toContain("riquadro-tabella-giacenze.png");
  });

  it("never finds a request by the name of an internal note's file, nor a staged one", async () => {
    const note = await seeded.db.comment.findFirstOrThrow({
      // A note with no file of its own yet (the demo data has one with a log), whichever the database returns first.
      where: { visibility: "internal", attachments: { none: {} }, request: { requester: { email: "alice@acme.test" } } },
      select: { id: true, requestId: true },
    });
    const file = await stage("agent@portico.test", "zyzzogeton-trace.txt", Buffer.from("trace\n"));
    expect(await found("alice@acme.test", "zyzzogeton")).toEqual([]);
    await attach(file.id, note.requestId, note.id);
    expect(await found("alice@acme.test", "zyzzogeton")).toEqual([]);
    // Made public (a note never becomes public in the product; the document follows the thread anyway).
    await seeded.db.comment.update({ where: { id: note.id }, data: { visibility: "public" } });
    expect(await found("alice@acme.test", "zyzzogeton")).toEqual([note.requestId]);
    await seeded.db.comment.update({ where: { id: note.id }, data: { visibility: "internal" } });
    expect(await found("alice@acme.test", "zyzzogeton")).toEqual([]);
  });
});
