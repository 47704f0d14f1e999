import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Database } from "@/server/db/client";
import { addInternalNote } from "@/server/requests/add-internal-note";
import { createRequest } from "@/server/requests/create-request";
import { replyAsAgent } from "@/server/requests/reply-as-agent";
import { replyToRequest } from "@/server/requests/reply-to-request";
import { sendReminder } from "@/server/requests/send-reminder";
import { prepareSecondClient, prepareSeededDatabase } from "../setup/seeded-database";
import { viewerFor } from "../setup/viewers";

// docs/SECURITY.md "Duplicate submissions": a form that creates something — a new request, a reply,
// an agent's reply, an internal note, a reminder — carries a key; the same form sent twice, even at the same
// moment, creates one, and both submissions get the first one's answer.

const NOW = new Date();
const seeded = prepareSeededDatabase(NOW);
const viewer = (email: string) => viewerFor(seeded.db, email, NOW);

// Two clients, so that a form sent twice runs its two submissions side by side.
const second = prepareSecondClient(seeded);

const newRequest = (subject: string, submissionKey: string) => ({
  subject,
  description: "The export stops halfway.",
  priority: "S3",
  ccUserIds: [],
  submissionKey,
});

/** A request of alice's, to reply to; the marker tells this test's texts from the demo data's. */
async function aliceOpens(marker: string): Promise<number> {
  const opened = await createRequest(seeded.db, await viewer("alice@acme.test"), newRequest(`Opened for ${marker}`, randomUUID()));
  if (!opened.ok) throw new Error(JSON.stringify(opened));
  return opened.id;
}

const requestsTitled = (subject: string) => seeded.db.request.findMany({ where: { subject }, select: { id: true } });
const commentsSaying = (requestId: number, body: string) => seeded.db.comment.count({ where: { requestId, body } });
const marker = () => `${Date.now()}-${randomUUID().slice(0, 8)}`;

describe("the same form sent twice at once", () => {
  it("opens one request, and both submissions answer it", async () => {
    const dave = await viewer("dave@acme.test");
    const subject = `Sent twice ${marker()}`;
    const form = newRequest(subject, randomUUID());
    const answers = await Promise.all([createRequest(seeded.db, dave, form), createRequest(second.db, dave, form)]);

    const requests = await requestsTitled(subject);
    expect(requests).toHaveLength(1);
    expect(answers).toEqual([
      { ok: true, id: requests[0]!.id },
      { ok: true, id: requests[0]!.id },
    ]);
    // One request, so one set of first events.
    expect(await seeded.db.requestEvent.count({ where: { requestId: requests[0]!.id, type: "created" } })).toBe(1);
    expect(await seeded.db.formSubmission.findUniqueOrThrow({ where: { userId_key: { userId: dave.actor.userId, key: form.submissionKey } } })).toMatchObject({
      form: "new_request",
      createdAt: NOW,
    });
  });

  it("adds one reply of the customer's, and both answer it", async () => {
    const text = `Still broken ${marker()}`;
    const requestId = await aliceOpens(text);
    const alice = await viewer("alice@acme.test");
    const before = await seeded.db.request.findUniqueOrThrow({ where: { id: requestId }, select: { version: true } });
    const form = { requestId: String(requestId), body: text, submissionKey: randomUUID() };
    const answers = await Promise.all([replyToRequest(seeded.db, alice, form), replyToRequest(second.db, alice, form)]);

    expect(await commentsSaying(requestId, text)).toBe(1);
    const [comment] = await seeded.db.comment.findMany({ where: { requestId, body: text }, select: { id: true } });
    expect(answers).toEqual([
      { ok: true, commentId: comment!.id, reopened: false },
      { ok: true, commentId: comment!.id, reopened: false },
    ]);
    // Written once: the request changed once.
    expect(await seeded.db.request.findUniqueOrThrow({ where: { id: requestId }, select: { version: true } })).toEqual({ version: before.version + 1 });
  });

  it("adds one agent's reply and one internal note", async () => {
    const text = `Answered ${marker()}`;
    const requestId = await aliceOpens(text);
    const agent = await viewer("agent@portico.test");
    const reply = { requestId: String(requestId), body: text, then: "pending", submissionKey: randomUUID() };
    const note = { requestId: String(requestId), body: `Note: ${text}`, submissionKey: randomUUID() };

    const answers = await Promise.all([
      replyAsAgent(seeded.db, agent, reply),
      replyAsAgent(second.db, agent, reply),
      addInternalNote(seeded.db, agent, note),
      addInternalNote(second.db, agent, note),
    ]);
    expect(answers).toEqual([{ ok: true }, { ok: true }, { ok: true }, { ok: true }]);
    expect(await commentsSaying(requestId, text)).toBe(1);
    expect(await commentsSaying(requestId, note.body)).toBe(1);
    expect(await seeded.db.comment.findFirstOrThrow({ where: { requestId, body: note.body }, select: { visibility: true } })).toEqual({ visibility: "internal" });
  });

  it("sends one reminder", async () => {
    const text = `Any news? ${marker()}`;
    const requestId = await aliceOpens(text);
    const agent = await viewer("agent@portico.test");
    expect(await replyAsAgent(seeded.db, agent, { requestId: String(requestId), body: "Could you send the logs?", then: "pending", submissionKey: randomUUID() })).toEqual({ ok: true });
    const reminder = { requestId: String(requestId), body: text, submissionKey: randomUUID() };

    const answers = await Promise.all([sendReminder(seeded.db, agent, reminder), sendReminder(second.db, agent, reminder)]);
    expect(answers).toEqual([{ ok: true }, { ok: true }]);
    expect(await commentsSaying(requestId, text)).toBe(1);
    expect(await seeded.db.request.findUniqueOrThrow({ where: { id: requestId }, select: { reminderCount: true } })).toEqual({ reminderCount: 1 });
  });
});

describe("what makes a submission another one", () => {
  it("another key opens another request, with the same fields", async () => {
    const dave = await viewer("dave@acme.test");
    const subject = `Sent on purpose twice ${marker()}`;
    const first = await createRequest(seeded.db, dave, newRequest(subject, randomUUID()));
    const second = await createRequest(seeded.db, dave, newRequest(subject, randomUUID()));
    expect(first.ok && second.ok && first.id !== second.id).toBe(true);
    expect(await requestsTitled(subject)).toHaveLength(2);
  });

  it("another user's submission with the same key is their own", async () => {
    const subject = `Same key, two people ${marker()}`;
    const key = randomUUID();
    const [dave, bob] = await Promise.all([viewer("dave@acme.test"), viewer("bob@acme.test")]);
    const answers = await Promise.all([createRequest(seeded.db, dave, newRequest(subject, key)), createRequest(second.db, bob, newRequest(subject, key))]);
    const requests = await seeded.db.request.findMany({ where: { subject }, select: { id: true, requesterId: true }, orderBy: { id: "asc" } });
    expect(requests.map((request) => request.requesterId).sort()).toEqual([bob.actor.userId, dave.actor.userId].sort());
    expect(answers.map((answer) => (answer.ok ? answer.id : null)).sort()).toEqual(requests.map((request) => request.id).sort());
  });

  it("the same key with other content is a form shown again after it was sent: refused, and nothing is added", async () => {
    const text = `First text ${marker()}`;
    const requestId = await aliceOpens(text);
    const alice = await viewer("alice@acme.test");
    const key = randomUUID();
    expect(await replyToRequest(seeded.db, alice, { requestId, body: text, submissionKey: key })).toMatchObject({ ok: true });

    const later = `Written after going back ${text}`;
    expect(await replyToRequest(seeded.db, alice, { requestId, body: later, submissionKey: key })).toEqual({
      ok: false,
      reason: "refused",
      refusal: expect.objectContaining({ code: "form_already_sent" }),
    });
    expect(await commentsSaying(requestId, later)).toBe(0);

    // Nor does another form of the same person's take a key that was used.
    const agent = await viewer("agent@portico.test");
    const agentKey = randomUUID();
    expect(await replyAsAgent(seeded.db, agent, { requestId, body: `Reply ${text}`, submissionKey: agentKey })).toEqual({ ok: true });
    expect(await addInternalNote(seeded.db, agent, { requestId, body: `Note ${text}`, submissionKey: agentKey })).toMatchObject({
      ok: false,
      refusal: expect.objectContaining({ code: "form_already_sent" }),
    });
    expect(await commentsSaying(requestId, `Note ${text}`)).toBe(0);
  });
});

describe("a key that is free again, or none", () => {
  it("a refused submission leaves its key free: the corrected form goes through with it", async () => {
    const text = `Solved as a bug ${marker()}`;
    const requestId = await aliceOpens(text);
    const agent = await viewer("agent@portico.test");
    const key = randomUUID();
    const form = { requestId, body: text, then: "solved", solvedReason: "bug_reported", submissionKey: key };
    expect(await replyAsAgent(seeded.db, agent, form)).toMatchObject({ ok: false, reason: "refused", refusal: expect.objectContaining({ code: "bug_reference_required" }) });
    expect(await seeded.db.formSubmission.count({ where: { key } })).toBe(0);

    expect(await replyAsAgent(seeded.db, agent, { ...form, bugReference: "ENG-7", bugPriority: "S3", bugEta: "2099-01-31" })).toEqual({ ok: true });
    expect(await commentsSaying(requestId, text)).toBe(1);
  });

  it("a submission whose transaction was rolled back leaves its key free", async () => {
    const text = `Lost on the way ${marker()}`;
    const requestId = await aliceOpens(text);
    const alice = await viewer("alice@acme.test");
    // The first submission fails inside its transaction, after it claimed the key (a lost connection, say).
    const failing = seeded.db.$extends({
      query: {
        comment: {
          async create() {
            throw new Error("connection lost");
          },
        },
      },
    }) as unknown as Database;
    const form = { requestId, body: text, submissionKey: randomUUID() };
    await expect(replyToRequest(failing, alice, form)).rejects.toThrow("connection lost");
    expect(await seeded.db.formSubmission.count({ where: { key: form.submissionKey } })).toBe(0);

    expect(await replyToRequest(seeded.db, alice, form)).toMatchObject({ ok: true });
    expect(await commentsSaying(requestId, text)).toBe(1);
  });

  it.each([
    ["no key", undefined],
    ["a key that is not one", "not-a-key"],
  ])("a form with %s is from an older page: refused as invalid input, and nothing is added", async (_, submissionKey) => {
    const subject = `Without a key ${marker()}`;
    expect(await createRequest(seeded.db, await viewer("dave@acme.test"), { ...newRequest(subject, ""), submissionKey })).toEqual({
      ok: false,
      reason: "invalid",
      fieldErrors: { submissionKey: "form_outdated" },
    });
    expect(await requestsTitled(subject)).toHaveLength(0);
  });
});
