import { randomBytes, randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { prepareSecondClient, prepareSeededDatabase } from "../setup/seeded-database";
import { viewerFor } from "../setup/viewers";

// A message and its files are saved together or not at all: the files uploaded ahead are claimed in
// the transaction that writes the request or the comment, and a refusal undoes all of it. The limits
// are the configured ones, read when the message is sent; the store is the configured one.

const KB = 1024;
const directory = await mkdtemp(join(tmpdir(), "portico-claims-"));
process.env.ATTACHMENT_STORAGE = "filesystem";
process.env.ATTACHMENT_DIR = directory;
process.env.ATTACHMENT_MAX_FILES = "3";
process.env.ATTACHMENT_MAX_MESSAGE_MB = "1";
delete process.env.CLAMD_URL;

// Read after the environment is set: the store and the limits come from it.
const { getAttachmentStore } = await import("@/server/attachments");
const { stageUpload } = await import("@/server/attachments/pipeline");
const { createRequest } = await import("@/server/requests/create-request");
const { replyToRequest } = await import("@/server/requests/reply-to-request");
const { replyAsAgent } = await import("@/server/requests/reply-as-agent");
const { addInternalNote } = await import("@/server/requests/add-internal-note");

const NOW = new Date();
const seeded = prepareSeededDatabase(NOW);
const viewer = (email: string) => viewerFor(seeded.db, email, NOW);

// Two clients, so that a form sent twice runs its two submissions side by side.
const second = prepareSecondClient(seeded);
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

/** A file of `email`'s, uploaded and not yet sent; random content, so no two share an object. */
async function staged(email: string, byteSize = 2 * KB, fileName = "notes.txt"): Promise<string> {
  const uploader = await viewer(email);
  const attachment = await stageUpload(seeded.db, getAttachmentStore(), {
    body: Readable.from([Buffer.from(randomBytes(byteSize).toString("hex").slice(0, byteSize))]),
    fileName,
    declaredType: "text/plain",
    uploaderId: uploader.actor.userId,
    now: NOW,
    maxBytes: 20 * 1024 * KB,
    scanned: false,
  });
  return attachment.id;
}

const marker = () => `${Date.now()}-${randomUUID().slice(0, 8)}`;

const newRequest = (subject: string, attachmentIds: string[]) => ({
  subject,
  description: "The export stops halfway; the log is attached.",
  priority: "S3",
  ccUserIds: [],
  attachmentIds,
  submissionKey: randomUUID(),
});

const filesOf = (ids: string[]) =>
  seeded.db.attachment.findMany({ where: { id: { in: ids } }, select: { id: true, requestId: true, commentId: true, attachedAt: true }, orderBy: { id: "asc" } });

const unclaimed = (ids: string[]) => [...ids].sort().map((id) => ({ id, requestId: null, commentId: null, attachedAt: null }));

async function aliceOpens(): Promise<number> {
  const opened = await createRequest(seeded.db, await viewer("alice@acme.test"), newRequest(`Opened ${marker()}`, []));
  if (!opened.ok) throw new Error(JSON.stringify(opened));
  return opened.id;
}

const reply = (requestId: number, body: string, attachmentIds: string[] | string) => ({ requestId: String(requestId), body, attachmentIds, submissionKey: randomUUID() });

describe("files sent with a new request", () => {
  it("go with its description: attached to the request, on no comment", async () => {
    const ids = [await staged("alice@acme.test"), await staged("alice@acme.test")];
    const opened = await createRequest(seeded.db, await viewer("alice@acme.test"), newRequest(`With files ${marker()}`, ids));
    if (!opened.ok) throw new Error(JSON.stringify(opened));

    expect(await filesOf(ids)).toEqual([...ids].sort().map((id) => ({ id, requestId: opened.id, commentId: null, attachedAt: NOW })));
  });

  it("are refused when one is someone else's: no request is opened, and the uploader's own stays unsent", async () => {
    const own = await staged("alice@acme.test");
    const others = await staged("dave@acme.test");
    const subject = `Borrowed file ${marker()}`;
    const answer = await createRequest(seeded.db, await viewer("alice@acme.test"), newRequest(subject, [own, others]));

    expect(answer).toEqual({ ok: false, reason: "invalid", fieldErrors: { attachmentIds: "attachments_not_found" } });
    expect(await seeded.db.request.count({ where: { subject } })).toBe(0);
    expect(await filesOf([own, others])).toEqual(unclaimed([own, others]));
  });

  it("are refused past the configured number of files or total size, and nothing is saved", async () => {
    const alice = await viewer("alice@acme.test");
    const four = [await staged("alice@acme.test"), await staged("alice@acme.test"), await staged("alice@acme.test"), await staged("alice@acme.test")];
    const tooMany = `Too many files ${marker()}`;
    expect(await createRequest(seeded.db, alice, newRequest(tooMany, four))).toEqual({ ok: false, reason: "invalid", fieldErrors: { attachmentIds: "too_many" } });

    // Two files of 600 KB: each under the file limit, together over the 1 MB for one message.
    const large = [await staged("alice@acme.test", 600 * KB), await staged("alice@acme.test", 600 * KB)];
    const tooLarge = `Too large in all ${marker()}`;
    expect(await createRequest(seeded.db, alice, newRequest(tooLarge, large))).toEqual({ ok: false, reason: "invalid", fieldErrors: { attachmentIds: "message_too_large" } });

    expect(await seeded.db.request.count({ where: { subject: { in: [tooMany, tooLarge] } } })).toBe(0);
    expect(await filesOf([...four, ...large])).toEqual(unclaimed([...four, ...large]));
  });

  it("are refused when already sent with another message", async () => {
    const alice = await viewer("alice@acme.test");
    const id = await staged("alice@acme.test");
    const first = await createRequest(seeded.db, alice, newRequest(`First ${marker()}`, [id]));
    expect(first.ok).toBe(true);
    const subject = `Second ${marker()}`;
    expect(await createRequest(seeded.db, alice, newRequest(subject, [id]))).toEqual({ ok: false, reason: "invalid", fieldErrors: { attachmentIds: "attachments_not_found" } });
    expect(await seeded.db.request.count({ where: { subject } })).toBe(0);
  });

  it("may be none, and an id that cannot be one is not found", async () => {
    const alice = await viewer("alice@acme.test");
    const { attachmentIds: _none, ...withoutFiles } = newRequest(`No files ${marker()}`, []);
    expect((await createRequest(seeded.db, alice, withoutFiles)).ok).toBe(true);
    expect(await createRequest(seeded.db, alice, newRequest(`Odd id ${marker()}`, ["../etc/passwd"]))).toEqual({
      ok: false,
      reason: "invalid",
      fieldErrors: { attachmentIds: "attachments_not_found" },
    });
  });
});

describe("files sent with a reply or a note", () => {
  it("still being checked for malware, go with the reply all the same: the message is never held back by the scanner", async () => {
    const requestId = await aliceOpens();
    const id = await staged("alice@acme.test");
    await seeded.db.attachment.update({ where: { id }, data: { scanStatus: "pending" } });
    const answer = await replyToRequest(seeded.db, await viewer("alice@acme.test"), reply(requestId, `While the scanner is down ${marker()}`, id));
    if (!answer.ok) throw new Error(JSON.stringify(answer));
    expect(await seeded.db.attachment.findUniqueOrThrow({ where: { id }, select: { requestId: true, scanStatus: true } })).toEqual({ requestId, scanStatus: "pending" });
  });

  it("infected, are refused, and the reply with them is not saved", async () => {
    const requestId = await aliceOpens();
    const id = await staged("alice@acme.test");
    await seeded.db.attachment.update({ where: { id }, data: { scanStatus: "infected" } });
    const body = `With a bad file ${marker()}`;
    expect(await replyToRequest(seeded.db, await viewer("alice@acme.test"), reply(requestId, body, id))).toMatchObject({ ok: false });
    expect(await seeded.db.comment.count({ where: { body } })).toBe(0);
  });

  it("are attached to the customer's reply (one id sent as a single field)", async () => {
    const requestId = await aliceOpens();
    const id = await staged("alice@acme.test");
    const answer = await replyToRequest(seeded.db, await viewer("alice@acme.test"), reply(requestId, `Here is the log ${marker()}`, id));
    if (!answer.ok) throw new Error(JSON.stringify(answer));

    expect(await filesOf([id])).toEqual([{ id, requestId, commentId: answer.commentId, attachedAt: NOW }]);
  });

  it("refuse the reply with someone else's file: no comment, the request unchanged", async () => {
    const requestId = await aliceOpens();
    const before = await seeded.db.request.findUniqueOrThrow({ where: { id: requestId }, select: { version: true } });
    const others = await staged("dave@acme.test");
    const body = `Not my file ${marker()}`;
    const answer = await replyToRequest(seeded.db, await viewer("alice@acme.test"), reply(requestId, body, [others]));

    expect(answer).toEqual({ ok: false, reason: "invalid", fieldErrors: { attachmentIds: "attachments_not_found" } });
    expect(await seeded.db.comment.count({ where: { requestId, body } })).toBe(0);
    expect(await seeded.db.request.findUniqueOrThrow({ where: { id: requestId }, select: { version: true } })).toEqual(before);
    expect(await filesOf([others])).toEqual(unclaimed([others]));
  });

  it("belong to the internal note they were sent with, and to the agent's reply", async () => {
    const requestId = await aliceOpens();
    const agent = await viewer("agent@portico.test");
    const noteFile = await staged("agent@portico.test");
    const noteBody = `Internal trace ${marker()}`;
    expect((await addInternalNote(seeded.db, agent, reply(requestId, noteBody, [noteFile]))).ok).toBe(true);
    const note = await seeded.db.comment.findFirstOrThrow({ where: { requestId, body: noteBody }, select: { id: true, visibility: true } });
    expect(note.visibility).toBe("internal");

    const replyFile = await staged("agent@portico.test");
    const replyBody = `Public fix ${marker()}`;
    expect((await replyAsAgent(seeded.db, agent, reply(requestId, replyBody, [replyFile]))).ok).toBe(true);
    const agentReply = await seeded.db.comment.findFirstOrThrow({ where: { requestId, body: replyBody }, select: { id: true, visibility: true } });
    expect(agentReply.visibility).toBe("public");

    expect(await filesOf([noteFile])).toEqual([{ id: noteFile, requestId, commentId: note.id, attachedAt: NOW }]);
    expect(await filesOf([replyFile])).toEqual([{ id: replyFile, requestId, commentId: agentReply.id, attachedAt: NOW }]);
  });

  it("sent twice at once with the same form: one comment, the files attached once, both answers the first", async () => {
    const requestId = await aliceOpens();
    const alice = await viewer("alice@acme.test");
    const ids = [await staged("alice@acme.test"), await staged("alice@acme.test")];
    const form = reply(requestId, `Twice with files ${marker()}`, ids);
    const answers = await Promise.all([replyToRequest(seeded.db, alice, form), replyToRequest(second.db, alice, form)]);

    const comments = await seeded.db.comment.findMany({ where: { requestId, body: form.body }, select: { id: true } });
    expect(comments).toHaveLength(1);
    const commentId = comments[0]!.id;
    expect(answers).toEqual([
      { ok: true, commentId, reopened: false },
      { ok: true, commentId, reopened: false },
    ]);
    expect(await filesOf(ids)).toEqual([...ids].sort().map((id) => ({ id, requestId, commentId, attachedAt: NOW })));

    // Sent once more later (a resent POST): the same answer, nothing claimed again.
    expect(await replyToRequest(seeded.db, alice, form)).toEqual({ ok: true, commentId, reopened: false });
  });

  it("a refused submission leaves its key free: the form sent again without the file goes through", async () => {
    const requestId = await aliceOpens();
    const alice = await viewer("alice@acme.test");
    const others = await staged("dave@acme.test");
    const form = reply(requestId, `Retried ${marker()}`, [others]);
    expect((await replyToRequest(seeded.db, alice, form)).ok).toBe(false);
    const again = await replyToRequest(seeded.db, alice, { ...form, attachmentIds: [] });
    expect(again.ok).toBe(true);
    expect(await seeded.db.comment.count({ where: { requestId, body: form.body } })).toBe(1);
  });
});
