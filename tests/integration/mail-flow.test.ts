import { randomUUID } from "node:crypto";
import MailComposer from "nodemailer/lib/mail-composer";
import { describe, expect, it } from "vitest";
import { readMailConfig, type MailConfig } from "@/config/env";
import { receiveInboundMail, SENDER_RATE_LIMIT } from "@/server/mail/inbound/receive";
import { replyAddress } from "@/server/mail/signing";
import { addInternalNote } from "@/server/requests/add-internal-note";
import { addRequestCc } from "@/server/requests/add-request-cc";
import { createRequest } from "@/server/requests/create-request";
import { replyAsAgent } from "@/server/requests/reply-as-agent";
import { changeRequestIn } from "@/server/requests/change-request";
import { sendReminder } from "@/server/requests/send-reminder";
import { solveRequest } from "@/server/requests/solve-request";
import { loadFixture, type MailFixture } from "../fixtures/mail";
import { prepareSeededDatabase } from "../setup/seeded-database";
import { viewerFor } from "../setup/viewers";

// docs/email.md: mail out for what support does (in the change's transaction, threaded, signed), and
// mail in through one use case — threaded by the signed reply address, then the Message-IDs, then the
// subject tag, each only for a sender the rules let reply; held otherwise; robots recorded, never obeyed.

const NOW = new Date();
const seeded = prepareSeededDatabase(NOW);
// The configuration the use cases read (no SMTP_URL in tests: mail is kept).
const config: MailConfig = readMailConfig();
const viewer = (email: string) => viewerFor(seeded.db, email, NOW);
const options = { now: NOW, config };

async function aliceOpens(subject = `Export stops ${randomUUID().slice(0, 8)}`): Promise<number> {
  const opened = await createRequest(seeded.db, await viewer("alice@acme.test"), { subject, description: "The export stops halfway.", priority: "S3", ccUserIds: [], submissionKey: randomUUID() });
  if (!opened.ok) throw new Error(JSON.stringify(opened));
  return opened.id;
}

async function agentReplies(requestId: number, body: string, then: "pending" | "solved" = "pending") {
  const replied = await replyAsAgent(seeded.db, await viewer("agent@portico.test"), { requestId, body, submissionKey: randomUUID(), then, ...(then === "solved" ? { solvedReason: "agreed" } : {}) });
  if (!replied.ok) throw new Error(JSON.stringify(replied));
}

const mailOf = (requestId: number) => seeded.db.outboundMail.findMany({ where: { requestId }, orderBy: { createdAt: "asc" } });

interface Compose {
  from: string;
  to?: string | string[];
  cc?: string | string[];
  subject?: string;
  text?: string;
  html?: string;
  inReplyTo?: string;
  references?: string[];
  headers?: Record<string, string>;
  messageId?: string;
}

function compose(mail: Compose): Promise<Buffer> {
  return new MailComposer({
    from: mail.from,
    to: mail.to ?? "support@portico.test",
    cc: mail.cc,
    subject: mail.subject ?? "Hello",
    text: mail.text,
    html: mail.html,
    inReplyTo: mail.inReplyTo ? `<${mail.inReplyTo}>` : undefined,
    references: mail.references?.map((id) => `<${id}>`),
    headers: mail.headers,
    messageId: `<${mail.messageId ?? `${randomUUID()}@mail.example`}>`,
  })
    .compile()
    .build();
}

const receive = async (mail: Compose) => receiveInboundMail(seeded.db, await compose(mail), { transport: "smtp" }, options);

describe("outbound notifications", () => {
  it("acknowledges a new request to the requester, marked auto-generated, and tells the agents", async () => {
    const requestId = await aliceOpens();
    const mail = await mailOf(requestId);
    const ack = mail.find((row) => row.kind === "acknowledgement");
    expect(ack?.toAddress).toBe("alice@acme.test");
    expect(ack?.subject).toContain(`[#${requestId}]`);
    expect(ack?.headers).toMatchObject({ "Auto-Submitted": "auto-generated", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" });
    expect(mail.filter((row) => row.kind === "new_request").map((row) => row.toAddress)).toContain("agent@portico.test");
    // No SMTP_URL: kept for the Mail page, never sent.
    expect(new Set(mail.map((row) => row.status))).toEqual(new Set(["kept"]));
  });

  it("sends an agent's public reply to the requester and the CCs, threaded after what they had, and never an internal note", async () => {
    const requestId = await aliceOpens();
    const cc = await addRequestCc(seeded.db, await viewer("alice@acme.test"), { requestId, userId: (await seeded.db.user.findUniqueOrThrow({ where: { email: "bob@acme.test" } })).id });
    expect(cc.ok).toBe(true);
    const noted = await addInternalNote(seeded.db, await viewer("agent@portico.test"), { requestId, body: "Secret internal detail", submissionKey: randomUUID() });
    expect(noted.ok).toBe(true);
    await agentReplies(requestId, "Please try **again** now.");

    const mail = await mailOf(requestId);
    expect(mail.some((row) => row.text.includes("Secret internal detail") || row.html.includes("Secret internal detail"))).toBe(false);
    const replies = mail.filter((row) => row.kind === "agent_reply");
    expect(replies.map((row) => row.toAddress).sort()).toEqual(["alice@acme.test", "bob@acme.test"]);
    const toAlice = replies.find((row) => row.toAddress === "alice@acme.test")!;
    const ack = mail.find((row) => row.kind === "acknowledgement")!;
    expect(toAlice.inReplyTo).toBe(ack.messageId);
    expect(toAlice.references).toEqual([ack.messageId]);
    expect(toAlice.replyTo).toBe(replyAddress(config.tokenKeys, config.from, requestId));
    expect(toAlice.replyTo).toMatch(new RegExp(`^support\\+${requestId}\\.[a-z0-9]+@portico\\.test$`));
    expect(toAlice.text).toContain("again");
    expect(toAlice.headers).not.toHaveProperty("Auto-Submitted");
    expect(mail.find((row) => row.kind === "cc_added")?.toAddress).toBe("bob@acme.test");
  });

  it("tells the customers a request was solved, and nothing is written when the change is refused", async () => {
    const requestId = await aliceOpens();
    const before = (await mailOf(requestId)).length;
    const refused = await solveRequest(seeded.db, await viewer("agent@portico.test"), { requestId, solvedReason: "bug_reported" });
    expect(refused.ok).toBe(false);
    expect(await mailOf(requestId)).toHaveLength(before);
    const solved = await solveRequest(seeded.db, await viewer("agent@portico.test"), { requestId, solvedReason: "agreed" });
    expect(solved.ok).toBe(true);
    expect((await mailOf(requestId)).filter((row) => row.kind === "request_solved").map((row) => row.toAddress)).toEqual(["alice@acme.test"]);
  });

  it("writes the mail in the change's transaction: a change rolled back after it sends nothing", async () => {
    const requestId = await aliceOpens();
    const before = (await mailOf(requestId)).length;
    const agent = await viewer("agent@portico.test");
    const undone = seeded.db.$transaction(async (tx) => {
      const changed = await changeRequestIn(tx, {
        requestId,
        viewer: agent,
        may: ["work_request"],
        makeCommand: () => ({ type: "agent_reply", at: NOW, agentId: agent.actor.userId }),
        comment: { body: "This reply never happened.", visibility: "public" },
      });
      expect(changed.ok).toBe(true);
      expect(await tx.outboundMail.count({ where: { requestId, kind: "agent_reply" } })).toBe(1);
      throw new Error("undo");
    });
    await expect(undone).rejects.toThrow("undo");
    expect(await mailOf(requestId)).toHaveLength(before);
  });

  it("sends a reminder to the customers as automatic mail, so their auto-responders stay quiet", async () => {
    const requestId = await aliceOpens();
    await agentReplies(requestId, "Could you send the log?");
    const reminded = await sendReminder(seeded.db, await viewer("agent@portico.test"), { requestId, body: "A gentle reminder: we still need the log.", submissionKey: randomUUID() });
    expect(reminded.ok).toBe(true);
    const reminder = (await mailOf(requestId)).find((row) => row.kind === "reminder");
    expect(reminder?.toAddress).toBe("alice@acme.test");
    expect(reminder?.headers).toMatchObject({ "Auto-Submitted": "auto-generated" });
    expect(reminder?.text).toContain("we still need the log");
  });

  it("leaves out a kind the person turned off, and suppresses mail to an undeliverable address", async () => {
    await seeded.db.user.update({ where: { email: "dave@acme.test" }, data: { mailOff: ["acknowledgement"] } });
    const opened = await createRequest(seeded.db, await viewer("dave@acme.test"), { subject: "Quiet", description: "x", priority: "S4", ccUserIds: [], submissionKey: randomUUID() });
    if (!opened.ok) throw new Error("not opened");
    expect((await mailOf(opened.id)).some((row) => row.toAddress === "dave@acme.test")).toBe(false);

    await seeded.db.undeliverableAddress.create({ data: { address: "dave@acme.test", reason: "Bounced: 5.1.1" } });
    await agentReplies(opened.id, "Hello Dave");
    const toDave = (await mailOf(opened.id)).find((row) => row.toAddress === "dave@acme.test");
    expect(toDave?.status).toBe("suppressed");
  });
});

describe("inbound mail", () => {
  it("appends a reply to the signed reply address, without the quoted text, and reopens a solved request by email", async () => {
    const requestId = await aliceOpens();
    await agentReplies(requestId, "Fixed, please check.", "solved");
    const sent = (await mailOf(requestId)).find((row) => row.toAddress === "alice@acme.test" && row.kind === "request_solved")!;
    const received = await receive({
      from: "Alice <alice@acme.test>",
      to: sent.replyTo!,
      subject: `Re: ${sent.subject}`,
      text: "It still fails for me.\n\nOn Mon, Support wrote:\n> Fixed, please check.\n",
      inReplyTo: sent.messageId,
    });
    expect(received).toMatchObject({ status: "appended", requestId, duplicate: false });
    const request = await seeded.db.request.findUniqueOrThrow({ where: { id: requestId }, select: { status: true } });
    expect(request.status).toBe("open");
    const comment = await seeded.db.comment.findFirstOrThrow({ where: { requestId, channel: "email" } });
    expect(comment.body).toBe("It still fails for me.");
    const reopened = await seeded.db.requestEvent.findFirst({ where: { requestId, type: "reopened", commentId: comment.id } });
    expect(reopened).not.toBeNull();
  });

  it("threads a token found in Cc, and a CC's answer to the customer's original mail by its Message-ID", async () => {
    const requestId = await aliceOpens();
    const token = replyAddress(config.tokenKeys, config.from, requestId);
    const viaCc = await receive({ from: "alice@acme.test", to: "someone@acme.test", cc: token, text: "Adding a detail." });
    expect(viaCc).toMatchObject({ status: "appended", requestId });

    // A new request by mail, copying a colleague; the colleague answers the original mail (no token anywhere).
    const original = `${randomUUID()}@acme.test`;
    const created = await receive({ from: "alice@acme.test", cc: "bob@acme.test", subject: "Printer on fire", text: "Help!", messageId: original });
    expect(created.status).toBe("created");
    const bobsAnswer = await receive({ from: "bob@acme.test", to: "support@portico.test", cc: "alice@acme.test", subject: "Re: Printer on fire", text: "It is the second floor one.", inReplyTo: original, references: [original] });
    expect(bobsAnswer).toMatchObject({ status: "appended", requestId: created.requestId });
    // The acknowledgement threads under the customer's own mail.
    const ack = (await mailOf(created.requestId!)).find((row) => row.kind === "acknowledgement")!;
    expect(ack.inReplyTo).toBe(original);
    const request = await seeded.db.request.findUniqueOrThrow({ where: { id: created.requestId! }, select: { channel: true, ccs: { select: { userId: true } } } });
    expect(request.channel).toBe("email");
    expect(request.ccs).toHaveLength(1);
  });

  it("holds a tampered token, a stranger holding a valid token, and an unknown sender — and appends nothing", async () => {
    const requestId = await aliceOpens();
    const token = replyAddress(config.tokenKeys, config.from, requestId);
    const tampered = token.replace(/\.(.)/, (_, first: string) => `.${first === "a" ? "b" : "a"}`);
    const comments = () => seeded.db.comment.count({ where: { requestId } });
    const before = await comments();
    expect(await receive({ from: "alice@acme.test", to: tampered, text: "Tampered" })).toMatchObject({ status: "held" });
    expect(await receive({ from: "gina@globex.test", to: token, text: "Stranger with a token" })).toMatchObject({ status: "held", requestId });
    expect(await receive({ from: "nobody@elsewhere.example", to: token, text: "Unknown with a token" })).toMatchObject({ status: "held" });
    expect(await receive({ from: "nobody@elsewhere.example", text: "Unknown, plain" })).toMatchObject({ status: "held" });
    expect(await comments()).toBe(before);
    const reasons = await seeded.db.inboundMail.findMany({ where: { status: "held", fromAddress: { in: ["alice@acme.test", "gina@globex.test"] } }, select: { reason: true } });
    expect(reasons.map((row) => row.reason)).toEqual(expect.arrayContaining(["tampered_token", "sender_may_not_reply"]));
  });

  it("records an auto-reply on the request without reopening it or answering it", async () => {
    const requestId = await aliceOpens();
    await agentReplies(requestId, "Done.", "solved");
    const mailBefore = (await mailOf(requestId)).length;
    const token = replyAddress(config.tokenKeys, config.from, requestId);
    const auto = await receive({ from: "alice@acme.test", to: token, subject: "Out of office", text: "I am away.", headers: { "Auto-Submitted": "auto-replied" } });
    expect(auto).toMatchObject({ status: "automatic", requestId });
    expect((await seeded.db.request.findUniqueOrThrow({ where: { id: requestId } })).status).toBe("solved");
    expect(await seeded.db.requestEvent.count({ where: { requestId, type: "auto_reply_received" } })).toBe(1);
    expect(await mailOf(requestId)).toHaveLength(mailBefore);
  });

  it("stores the same Message-ID once, whichever transport brings it", async () => {
    const requestId = await aliceOpens();
    const raw = await compose({ from: "alice@acme.test", to: replyAddress(config.tokenKeys, config.from, requestId), text: "Twice delivered." });
    const [first, second] = await Promise.all([
      receiveInboundMail(seeded.db, raw, { transport: "smtp" }, options),
      receiveInboundMail(seeded.db, raw, { transport: "imap" }, options),
    ]);
    expect([first.duplicate, second.duplicate].sort()).toEqual([false, true]);
    expect(await seeded.db.comment.count({ where: { requestId, body: "Twice delivered." } })).toBe(1);
    const third = await receiveInboundMail(seeded.db, raw, { transport: "webhook" }, options);
    expect(third).toMatchObject({ duplicate: true, status: "appended" });
  });

  it("keeps a message it cannot read, with the reason", async () => {
    const received = await receiveInboundMail(seeded.db, Buffer.from([0, 1, 2, 3, 255, 254]), { transport: "webhook" }, options);
    expect(received.status).toBe("unparseable");
    const stored = await seeded.db.inboundMail.findUniqueOrThrow({ where: { id: received.id } });
    expect(stored.detail).toBeTruthy();
    expect(Buffer.from(stored.raw)).toEqual(Buffer.from([0, 1, 2, 3, 255, 254]));
  });

  it.each<[MailFixture, string, string]>([
    ["reply-webmail", "alice@acme.test", "webmail"],
    ["reply-desktop", "alice@acme.test", "desktop"],
    ["reply-phone", "alice@acme.test", "phone"],
    ["html-only", "alice@acme.test", "html"],
    ["korean-euc-kr", "alice@acme.test", "euc-kr"],
    ["korean-iso-2022-kr", "alice@acme.test", "iso-2022-kr"],
    ["italian-iso-8859-1", "alice@acme.test", "latin-1"],
    ["italian-windows-1252", "alice@acme.test", "windows-1252"],
  ])("threads %s to the request and keeps only the new words, decoded", async (fixture, from) => {
    const requestId = await aliceOpens();
    const raw = loadFixture(fixture, { FROM: from, REPLY_TO: replyAddress(config.tokenKeys, config.from, requestId), MESSAGE_ID: `${randomUUID()}@portico.test` });
    const received = await receiveInboundMail(seeded.db, raw, { transport: "smtp" }, options);
    expect(received).toMatchObject({ status: "appended", requestId });
    const comment = await seeded.db.comment.findFirstOrThrow({ where: { requestId, channel: "email" } });
    // Never the quoted notification, its separator or a quote header.
    expect(comment.body).not.toMatch(/##-|^>|wrote:|Original Message|작성:|ha scritto:/m);
    expect(comment.body).not.toContain("\uFFFD");
    expect(comment.body.trim().length).toBeGreaterThan(0);
  });

  it("opens a request with the mail's files through the attachment pipeline, and names a file it could not take", async () => {
    const received = await receiveInboundMail(seeded.db, loadFixture("attachment", { FROM: "alice@acme.test" }), { transport: "smtp" }, options);
    expect(received.status).toBe("created");
    const files = await seeded.db.attachment.findMany({ where: { requestId: received.requestId! }, select: { fileName: true, contentType: true, commentId: true } });
    expect(files.length).toBeGreaterThanOrEqual(2);
    expect(files.some((file) => file.contentType === "application/pdf")).toBe(true);
    expect(files.every((file) => file.commentId === null)).toBe(true);

    const requestId = await aliceOpens();
    const big = new MailComposer({
      from: "alice@acme.test",
      to: replyAddress(config.tokenKeys, config.from, requestId),
      subject: "Logs",
      text: "Here are the logs.",
      attachments: [
        { filename: "small.txt", content: "a small log" },
        { filename: "huge.bin", content: Buffer.alloc(21 * 1024 * 1024, 1) },
      ],
      messageId: `<${randomUUID()}@acme.test>`,
    });
    const reply = await receiveInboundMail(seeded.db, await big.compile().build(), { transport: "smtp" }, options);
    expect(reply.status).toBe("appended");
    const comment = await seeded.db.comment.findFirstOrThrow({ where: { requestId, channel: "email" }, select: { body: true, attachments: { select: { fileName: true } } } });
    expect(comment.attachments.map((file) => file.fileName)).toEqual(["small.txt"]);
    expect(comment.body).toContain("Here are the logs.");
    expect(comment.body).toContain("huge.bin");
  });

  it("holds a sender's mail beyond the rate limit, so two robots cannot keep each other busy", async () => {
    const sender = `robot-${randomUUID().slice(0, 6)}@acme.test`;
    const statuses: string[] = [];
    for (let index = 0; index <= SENDER_RATE_LIMIT.mails; index++) statuses.push((await receive({ from: sender, subject: `Ping ${index}`, text: "ping" })).status);
    expect(statuses.slice(0, SENDER_RATE_LIMIT.mails).every((status) => status === "held")).toBe(true);
    const last = await seeded.db.inboundMail.findFirstOrThrow({ where: { fromAddress: sender, subject: `Ping ${SENDER_RATE_LIMIT.mails}` }, select: { reason: true } });
    expect(last.reason).toBe("rate_limited");
  });
});
