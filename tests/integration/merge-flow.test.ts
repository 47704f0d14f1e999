import { randomUUID } from "node:crypto";
import MailComposer from "nodemailer/lib/mail-composer";
import { describe, expect, it } from "vitest";
import { readMailConfig, type MailConfig } from "@/config/env";
import { receiveInboundMail } from "@/server/mail/inbound/receive";
import { replyAddress } from "@/server/mail/signing";
import { createRequest } from "@/server/requests/create-request";
import { getRequestPage } from "@/server/requests/get-request-page";
import { listRequests } from "@/server/requests/list-requests";
import { mergeRequest } from "@/server/requests/merge-request";
import { replyAsAgent } from "@/server/requests/reply-as-agent";
import { replyToRequest } from "@/server/requests/reply-to-request";
import { prepareSeededDatabase } from "../setup/seeded-database";
import { viewerFor } from "../setup/viewers";

// Merges people understand (docs/product.md §4.3): a merge may leave a public comment on each request,
// written with it or not at all; a merged request takes no more messages — the portal refuses a reply,
// and an email reply to its thread goes on in the target, where its people take part.

const NOW = new Date();
const seeded = prepareSeededDatabase(NOW);
const config: MailConfig = readMailConfig();
let minutes = 0;
/** Each step a minute after the previous one, so the thread's order is the order of the steps. */
const next = () => new Date(NOW.getTime() + ++minutes * 60_000);
const viewer = (email: string, at = next()) => viewerFor(seeded.db, email, at);
const AGENT = "agent@portico.test";

async function opens(email: string, subject = `Dashboard tiles blank ${randomUUID().slice(0, 8)}`): Promise<number> {
  const opened = await createRequest(seeded.db, await viewer(email), { subject, description: "The tiles stay blank.", priority: "S3", ccUserIds: [], submissionKey: randomUUID() });
  if (!opened.ok) throw new Error(JSON.stringify(opened));
  return opened.id;
}

async function pageOf(email: string, requestId: number) {
  const result = await getRequestPage(seeded.db, await viewer(email), { requestId });
  if (!result.ok) throw new Error(`${email} cannot read #${requestId}`);
  return result.page;
}

const commentsOf = (requestId: number) => seeded.db.comment.findMany({ where: { requestId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
const mailOf = (requestId: number) => seeded.db.outboundMail.findMany({ where: { requestId }, orderBy: { createdAt: "asc" } });

function mailFrom(from: string, to: string, text: string): Promise<Buffer> {
  return new MailComposer({ from, to, subject: "Re: your request", text, messageId: `<${randomUUID()}@mail.example>` }).compile().build();
}

describe("merging with comments", () => {
  it("writes a public comment on each request with the merge, mails each request's people, and shows the merge in the target's thread", async () => {
    const source = await opens("alice@acme.test");
    const target = await opens("bob@acme.test");
    const at = next();
    const merged = await mergeRequest(seeded.db, await viewer(AGENT, at), {
      requestId: source,
      targetId: target,
      commentOnMerged: "  This duplicates #" + target + "; we follow up there.  ",
      commentOnTarget: `Alice reported the same problem in #${source}.`,
      submissionKey: randomUUID(),
    });
    expect(merged).toEqual({ ok: true });

    const [onSource, onTarget] = [await commentsOf(source), await commentsOf(target)];
    expect(onSource.map((comment) => [comment.body, comment.visibility, comment.createdAt])).toEqual([[`This duplicates #${target}; we follow up there.`, "public", at]]);
    expect(onTarget.map((comment) => [comment.body, comment.visibility, comment.createdAt])).toEqual([[`Alice reported the same problem in #${source}.`, "public", at]]);
    expect(await seeded.db.request.findUniqueOrThrow({ where: { id: source }, select: { status: true, solvedReason: true, mergedIntoId: true } })).toEqual({
      status: "solved",
      solvedReason: "merged",
      mergedIntoId: target,
    });
    // The target keeps its status: the comment is a word, not a change of course.
    expect((await seeded.db.request.findUniqueOrThrow({ where: { id: target }, select: { status: true } })).status).toBe("open");

    // Each request's people hear of the comment on theirs.
    expect((await mailOf(target)).filter((mail) => mail.toAddress === "bob@acme.test" && mail.text.includes("Alice reported the same problem"))).toHaveLength(1);
    expect((await mailOf(source)).filter((mail) => mail.toAddress === "alice@acme.test" && mail.text.includes("we follow up there"))).toHaveLength(1);

    // Bob's thread shows where Alice's request joined, linked, after the comment written with it.
    const targetPage = await pageOf("bob@acme.test", target);
    const sourceSubject = (await seeded.db.request.findUniqueOrThrow({ where: { id: source }, select: { subject: true } })).subject;
    expect(targetPage.thread.map((entry) => entry.kind)).toEqual(["comment", "merge_received"]);
    expect(targetPage.thread[1]).toMatchObject({ kind: "merge_received", at, source: { id: source, subject: sourceSubject } });

    // Alice's request takes no more replies: no reply box, and My Requests says where it went.
    const sourcePage = await pageOf("alice@acme.test", source);
    expect(sourcePage).toMatchObject({ canReply: false, readsThrough: null, resolution: { reason: "merged", mergedInto: { id: target } } });
    const listed = await listRequests(seeded.db, await viewer("alice@acme.test"), { scope: "mine" });
    expect(listed.ok && listed.page.items.find((item) => item.id === source)).toMatchObject({ status: "solved", mergedIntoId: target });
    expect(listed.ok && listed.page.items.find((item) => item.id === target)).toBeUndefined();
    const bobs = await listRequests(seeded.db, await viewer("bob@acme.test"), { scope: "mine" });
    expect(bobs.ok && bobs.page.items.find((item) => item.id === target)).toMatchObject({ mergedIntoId: null });
  });

  it("writes no comment when the merge is refused, and merges once when the confirmation is sent twice", async () => {
    const source = await opens("alice@acme.test");
    const elsewhere = await opens("gina@globex.test");
    const refused = await mergeRequest(seeded.db, await viewer(AGENT), { requestId: source, targetId: elsewhere, commentOnMerged: "Merged.", commentOnTarget: "Received." });
    expect(refused).toMatchObject({ ok: false, reason: "refused", refusal: { code: "merge_across_organizations" } });
    expect([...(await commentsOf(source)), ...(await commentsOf(elsewhere))]).toEqual([]);

    const target = await opens("alice@acme.test");
    const form = { requestId: source, targetId: target, commentOnMerged: "Merged.", commentOnTarget: "Received.", submissionKey: randomUUID() };
    expect(await mergeRequest(seeded.db, await viewer(AGENT), form)).toEqual({ ok: true });
    expect(await mergeRequest(seeded.db, await viewer(AGENT), form)).toEqual({ ok: true });
    expect((await commentsOf(source)).map((comment) => comment.body)).toEqual(["Merged."]);
    expect((await commentsOf(target)).map((comment) => comment.body)).toEqual(["Received."]);
    // Sent again without the key, it is a second merge: the domain refuses it, and writes nothing.
    expect(await mergeRequest(seeded.db, await viewer(AGENT), { ...form, submissionKey: undefined })).toMatchObject({ ok: false, refusal: { code: "already_merged" } });
    expect(await commentsOf(source)).toHaveLength(1);
  });

  it("merges without comments when none is written", async () => {
    const source = await opens("alice@acme.test");
    const target = await opens("alice@acme.test");
    expect(await mergeRequest(seeded.db, await viewer(AGENT), { requestId: source, targetId: target, commentOnMerged: "   ", commentOnTarget: "" })).toEqual({ ok: true });
    expect([...(await commentsOf(source)), ...(await commentsOf(target))]).toEqual([]);
  });
});

describe("a merged request takes no more messages", () => {
  it("refuses a portal reply to it with the rule's reason, changing nothing", async () => {
    const source = await opens("alice@acme.test");
    const target = await opens("bob@acme.test");
    expect(await mergeRequest(seeded.db, await viewer(AGENT), { requestId: source, targetId: target })).toEqual({ ok: true });
    const before = await seeded.db.request.findUniqueOrThrow({ where: { id: source } });
    const replied = await replyToRequest(seeded.db, await viewer("alice@acme.test"), { requestId: source, body: "Any news?", submissionKey: randomUUID() });
    expect(replied).toMatchObject({ ok: false, reason: "refused", refusal: { code: "merged_request_is_closed" } });
    expect(await seeded.db.request.findUniqueOrThrow({ where: { id: source } })).toEqual(before);
    expect(await commentsOf(source)).toEqual([]);
  });

  it("adds an email reply to its thread to the target, as the sender's reply there, reopening the target by the ordinary rule", async () => {
    const source = await opens("alice@acme.test");
    const target = await opens("bob@acme.test");
    const replied = await replyAsAgent(seeded.db, await viewer(AGENT), { requestId: target, body: "Which browser?", submissionKey: randomUUID(), then: "solved", solvedReason: "agreed" });
    expect(replied.ok).toBe(true);
    expect(await mergeRequest(seeded.db, await viewer(AGENT), { requestId: source, targetId: target })).toEqual({ ok: true });
    const sourceBefore = await seeded.db.request.findUniqueOrThrow({ where: { id: source } });

    // Alice answers the mail she had about her own request, which was merged meanwhile.
    const at = next();
    const received = await receiveInboundMail(seeded.db, await mailFrom("Alice <alice@acme.test>", replyAddress(config.tokenKeys, config.from, source), "It happens in every browser."), { transport: "smtp" }, { now: at, config });
    expect(received).toMatchObject({ status: "appended", requestId: target, duplicate: false });

    const comment = await seeded.db.comment.findFirstOrThrow({ where: { requestId: target, channel: "email" } });
    expect(comment).toMatchObject({ body: "It happens in every browser.", visibility: "public", createdAt: at });
    expect((await seeded.db.user.findUniqueOrThrow({ where: { id: comment.authorId }, select: { email: true } })).email).toBe("alice@acme.test");
    // The target was Solved: Alice's reply reopens it (§5), and says so on her message.
    expect((await seeded.db.request.findUniqueOrThrow({ where: { id: target }, select: { status: true } })).status).toBe("open");
    expect(await seeded.db.requestEvent.findFirst({ where: { requestId: target, type: "reopened", commentId: comment.id } })).not.toBeNull();
    // The merged request stays as it was: merged, Solved, with nothing added.
    expect(await seeded.db.request.findUniqueOrThrow({ where: { id: source } })).toEqual(sourceBefore);
    expect(await commentsOf(source)).toEqual([]);
    expect(await seeded.db.inboundMail.findUniqueOrThrow({ where: { id: received.id }, select: { status: true, requestId: true, commentId: true } })).toEqual({
      status: "appended",
      requestId: target,
      commentId: comment.id,
    });
  });

  it("holds for an agent an email to a merged request's thread from someone who may not reply to it: the merge opens the target to nobody", async () => {
    const source = await opens("alice@acme.test");
    const target = await opens("bob@acme.test");
    expect(await mergeRequest(seeded.db, await viewer(AGENT), { requestId: source, targetId: target })).toEqual({ ok: true });
    const received = await receiveInboundMail(
      seeded.db,
      await mailFrom("Gina <gina@globex.test>", replyAddress(config.tokenKeys, config.from, source), "Let me in."),
      { transport: "smtp" },
      { now: next(), config },
    );
    expect(received).toMatchObject({ status: "held", requestId: source });
    expect(await seeded.db.inboundMail.findUniqueOrThrow({ where: { id: received.id }, select: { reason: true } })).toEqual({ reason: "sender_may_not_reply" });
    expect([...(await commentsOf(source)), ...(await commentsOf(target))]).toEqual([]);
  });
});
