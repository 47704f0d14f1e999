import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { MINUTE } from "@/domain";
import { runAutomation } from "@/server/automation/run-automation";
import { acceptChat, chatTyping, endChat, endIdleChats, sendChatMessage, transferChat } from "@/server/chat/chat-actions";
import { setChatAvailability } from "@/server/chat/presence";
import { startChat } from "@/server/chat/start-chat";
import { createRequest } from "@/server/requests/create-request";
import { mergeRequest } from "@/server/requests/merge-request";
import { solveRequest } from "@/server/requests/solve-request";
import { prepareSecondClient, prepareSeededDatabase } from "../setup/seeded-database";
import { viewerFor } from "../setup/viewers";

// docs/realtime.md "Chat" and docs/product.md §6: starting a chat opens or reopens its request (or,
// with nobody available, leaves the message on it), one agent takes it, only its two sides write in
// it, it is handed over only to an available agent, and it ends — by a side or when idle — with its
// transcript mailed to the customer. Typing is never stored.

const seeded = prepareSeededDatabase();
const second = prepareSecondClient(seeded);
const viewer = (email: string, now = new Date()) => viewerFor(seeded.db, email, now);
const later = (ms: number) => new Date(Date.now() + ms);

const MORGAN = "agent@portico.test";
const SAM = "sam@portico.test";
const HANA = "hana@portico.test";

async function setAvailable(email: string, available: boolean) {
  const set = await setChatAvailability(seeded.db, await viewer(email), { available: available ? "available" : "away" });
  expect(set).toMatchObject({ ok: true });
}

/** Nobody available: every agent away, whatever earlier tests left on. */
async function everyoneAway() {
  await seeded.db.user.updateMany({ where: { isAgent: true }, data: { chatAvailable: false } });
}

/** Races need a second connection: a PostgreSQL server (the embedded database serves one). */
const onServer = Boolean(process.env.TEST_DATABASE_URL);

/** Until another connection waits for a lock (the racing write has reached the chat's row). */
async function untilSomeoneWaits(tx: Pick<typeof seeded.db, "$queryRaw">) {
  for (let tries = 0; tries < 100; tries++) {
    const [row] = await tx.$queryRaw<Array<{ waiting: bigint }>>`SELECT count(*) AS waiting FROM pg_locks WHERE NOT granted`;
    const waiting = row?.waiting ?? 0n;
    if (waiting > 0n) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("Nobody came to wait for the lock.");
}

async function userId(email: string) {
  return (await seeded.db.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
}

async function aliceOpens(subject = `Chat ${randomUUID().slice(0, 6)}`): Promise<number> {
  const opened = await createRequest(seeded.db, await viewer("alice@acme.test"), { subject, description: "Something is off.", priority: "S3", ccUserIds: [], submissionKey: randomUUID() });
  if (!opened.ok) throw new Error(JSON.stringify(opened));
  return opened.id;
}

/** A chat started by `email` (a new topic unless `requestId`), with Morgan available. */
async function chatStarted(email: string, message: string, requestId?: number) {
  await setAvailable(MORGAN, true);
  const started = await startChat(seeded.db, await viewer(email), { message, submissionKey: randomUUID(), ...(requestId !== undefined && { requestId }) });
  if (!started.ok || started.mode !== "chat") throw new Error(JSON.stringify(started));
  return started;
}

async function accepted(email: string, message: string, agent = MORGAN) {
  const started = await chatStarted(email, message);
  expect(await acceptChat(seeded.db, await viewer(agent), { chatId: started.chatId })).toEqual({ ok: true, requestId: started.requestId });
  return started;
}

const transcriptsOf = (requestId: number) =>
  seeded.db.outboundMail.findMany({ where: { requestId, subject: { contains: "Your chat about" } }, select: { kind: true, toAddress: true, subject: true, text: true, html: true, status: true, replyTo: true, headers: true, inReplyTo: true } });

describe("starting a chat", () => {
  it("about a new topic opens a request by chat, with a waiting chat, its first line and a 'waiting' event", async () => {
    const started = await chatStarted("alice@acme.test", "The export never finishes\nIt stops at 99%.");
    const request = await seeded.db.request.findUniqueOrThrow({ where: { id: started.requestId }, select: { subject: true, channel: true, status: true, description: true } });
    expect(request).toEqual({ subject: "The export never finishes", channel: "chat", status: "open", description: "The export never finishes\nIt stops at 99%." });

    const chat = await seeded.db.chatSession.findUniqueOrThrow({ where: { id: started.chatId }, select: { status: true, agentId: true, startedById: true, messages: { select: { body: true } } } });
    expect(chat).toEqual({ status: "waiting", agentId: null, startedById: await userId("alice@acme.test"), messages: [{ body: "The export never finishes\nIt stops at 99%." }] });

    const events = await seeded.db.requestStreamEvent.findMany({ where: { requestId: started.requestId, type: "chat" }, orderBy: { position: "asc" }, select: { data: true } });
    expect(events.map((event) => (event.data as { kind: string }).kind)).toEqual(["waiting", "message"]);
    expect(events[0]?.data).toMatchObject({ kind: "waiting", chatId: started.chatId, customerName: "Alice Whitmore", subject: "The export never finishes" });
  });

  it("on a Solved request reopens it, recorded as reopened by that chat", async () => {
    const requestId = await aliceOpens();
    expect(await solveRequest(seeded.db, await viewer(MORGAN), { requestId, solvedReason: "agreed" })).toEqual({ ok: true });
    const started = await chatStarted("alice@acme.test", "It is broken again", requestId);
    expect(started.requestId).toBe(requestId);

    const request = await seeded.db.request.findUniqueOrThrow({ where: { id: requestId }, select: { status: true, solvedReason: true } });
    expect(request).toEqual({ status: "open", solvedReason: null });
    const reopened = await seeded.db.requestEvent.findMany({ where: { requestId, type: "reopened" }, select: { actorId: true, data: true } });
    expect(reopened).toEqual([{ actorId: await userId("alice@acme.test"), data: { via: "chat", chatSessionId: started.chatId } }]);
  });

  it("on a merged request is refused: the conversation goes on the request it was merged into", async () => {
    const source = await aliceOpens();
    const target = await aliceOpens();
    expect(await mergeRequest(seeded.db, await viewer(MORGAN), { requestId: source, targetId: target })).toEqual({ ok: true });
    await setAvailable(MORGAN, true);
    const started = await startChat(seeded.db, await viewer("alice@acme.test"), { requestId: source, message: "Hello?", submissionKey: randomUUID() });
    expect(started).toMatchObject({ ok: false, reason: "refused", refusal: { code: "merged_request" } });
    expect(await seeded.db.chatSession.count({ where: { requestId: source } })).toBe(0);

    // With nobody available too: the message is not left on it either, so the merge stays.
    await everyoneAway();
    const left = await startChat(seeded.db, await viewer("alice@acme.test"), { requestId: source, message: "Hello?", submissionKey: randomUUID() });
    expect(left).toMatchObject({ ok: false, reason: "refused", refusal: { code: "merged_request" } });
    expect(await seeded.db.request.findUniqueOrThrow({ where: { id: source }, select: { mergedIntoId: true } })).toEqual({ mergedIntoId: target });
  });

  it("with nobody available leaves the message as a reply (reopening) or a new request, and creates no chat", async () => {
    const requestId = await aliceOpens();
    expect(await solveRequest(seeded.db, await viewer(MORGAN), { requestId, solvedReason: "agreed" })).toEqual({ ok: true });
    await everyoneAway();
    const chatsBefore = await seeded.db.chatSession.count();

    const left = await startChat(seeded.db, await viewer("alice@acme.test"), { requestId, message: "Still broken, anyone?", submissionKey: randomUUID() });
    expect(left).toEqual({ ok: true, mode: "left_message", chatId: null, requestId });
    const request = await seeded.db.request.findUniqueOrThrow({ where: { id: requestId }, select: { status: true, comments: { orderBy: { createdAt: "desc" }, take: 1, select: { body: true, visibility: true } } } });
    expect(request).toEqual({ status: "open", comments: [{ body: "Still broken, anyone?", visibility: "public" }] });
    expect(await seeded.db.requestEvent.count({ where: { requestId, type: "reopened" } })).toBe(1);

    const fresh = await startChat(seeded.db, await viewer("alice@acme.test"), { message: "A new question for later", submissionKey: randomUUID() });
    expect(fresh).toMatchObject({ ok: true, mode: "left_message", chatId: null });
    if (!fresh.ok) return;
    expect(await seeded.db.request.findUniqueOrThrow({ where: { id: fresh.requestId }, select: { subject: true, channel: true, status: true } })).toEqual({
      subject: "A new question for later",
      channel: "chat",
      status: "open",
    });
    expect(await seeded.db.chatSession.count()).toBe(chatsBefore);
  });

  it("is refused to agents", async () => {
    await setAvailable(MORGAN, true);
    expect(await startChat(seeded.db, await viewer(SAM), { message: "Hi", submissionKey: randomUUID() })).toMatchObject({ ok: false, reason: "refused", refusal: { code: "agents_do_not_start_chats" } });
  });
});

describe("taking a chat", () => {
  it("two agents at once: exactly one wins, the other hears not_waiting, and the request is the winner's", async () => {
    await setAvailable(SAM, true);
    const started = await chatStarted("alice@acme.test", "Who takes me?");
    const [morgan, sam] = [await viewer(MORGAN), await viewer(SAM)];
    const results = await Promise.all([acceptChat(seeded.db, morgan, { chatId: started.chatId }), acceptChat(second.db, sam, { chatId: started.chatId })]);

    const winners = results.filter((result) => result.ok);
    const losers = results.filter((result) => !result.ok);
    expect(winners).toHaveLength(1);
    expect(losers).toEqual([{ ok: false, reason: "refused", refusal: expect.objectContaining({ code: "not_waiting" }) }]);
    const winner = results[0]?.ok ? morgan : sam;

    const chat = await seeded.db.chatSession.findUniqueOrThrow({ where: { id: started.chatId }, select: { status: true, agentId: true, acceptedAt: true } });
    expect(chat).toMatchObject({ status: "active", agentId: winner.actor.userId });
    const request = await seeded.db.request.findUniqueOrThrow({ where: { id: started.requestId }, select: { assigneeId: true } });
    expect(request.assigneeId).toBe(winner.actor.userId);
    // One "joined", one assignment.
    const joined = await seeded.db.requestStreamEvent.findMany({ where: { requestId: started.requestId, type: "chat" }, select: { data: true } });
    expect(joined.filter((event) => (event.data as { kind: string }).kind === "joined")).toHaveLength(1);
    expect(await seeded.db.requestEvent.count({ where: { requestId: started.requestId, type: "assigned" } })).toBe(1);
    await setAvailable(SAM, false);
  });
});

describe("writing in a chat", () => {
  it("is for its two sides: a stranger, another customer and an agent who does not hold it find nothing", async () => {
    const started = await accepted("alice@acme.test", "Hello there");
    const write = async (email: string) => sendChatMessage(seeded.db, await viewer(email), { chatId: started.chatId, body: "Me too" });

    expect(await write("alice@acme.test")).toMatchObject({ ok: true, requestId: started.requestId });
    expect(await write(MORGAN)).toMatchObject({ ok: true, requestId: started.requestId });
    // Another organization's customer, a customer of the same organization who may see the request
    // (an organization-level grant), and an agent who does not hold the chat.
    for (const email of ["gina@globex.test", "carol@acme.test", SAM]) expect(await write(email), email).toEqual({ ok: false, reason: "not_found" });
    // A chat id nobody has.
    expect(await sendChatMessage(seeded.db, await viewer("alice@acme.test"), { chatId: randomUUID(), body: "x" })).toEqual({ ok: false, reason: "not_found" });

    const lines = await seeded.db.chatMessage.findMany({ where: { sessionId: started.chatId }, orderBy: { sentAt: "asc" }, select: { body: true } });
    expect(lines.map((line) => line.body)).toEqual(["Hello there", "Me too", "Me too"]);
  });

  it("writes the lines one after the other, each later than the one before, even with the same clock", async () => {
    const started = await accepted("alice@acme.test", "First");
    const at = new Date();
    for (const body of ["a", "b", "c"]) expect(await sendChatMessage(seeded.db, await viewer("alice@acme.test", at), { chatId: started.chatId, body })).toMatchObject({ ok: true });
    const lines = await seeded.db.chatMessage.findMany({ where: { sessionId: started.chatId }, orderBy: { sentAt: "asc" }, select: { body: true, sentAt: true } });
    expect(lines.map((line) => line.body)).toEqual(["First", "a", "b", "c"]);
    expect(new Set(lines.map((line) => line.sentAt.getTime())).size).toBe(4);
  });

  it.runIf(onServer)("takes no line once the chat has ended, even when the writer checked just before", async () => {
    const started = await accepted("alice@acme.test", "Ending soon");
    const alice = await viewer("alice@acme.test");
    // Alice's line and Morgan's end race: the end holds the chat's row first.
    let sending: ReturnType<typeof sendChatMessage> | undefined;
    await seeded.db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT 1 FROM "ChatSession" WHERE id = ${started.chatId} FOR UPDATE`;
      sending = sendChatMessage(second.db, alice, { chatId: started.chatId, body: "One more thing" });
      await untilSomeoneWaits(tx);
      await tx.chatSession.update({ where: { id: started.chatId }, data: { status: "ended", endedAt: new Date(), endedBy: "agent" } });
    });
    expect(await sending).toMatchObject({ ok: false, reason: "refused", refusal: { code: "chat_ended" } });
    expect(await seeded.db.chatMessage.count({ where: { sessionId: started.chatId, body: "One more thing" } })).toBe(0);
  });

  it("stores a retried line once: the same clientId from the same sender finds the line already sent", async () => {
    const started = await accepted("alice@acme.test", "Retry test");
    const alice = await viewer("alice@acme.test");
    const first = await sendChatMessage(seeded.db, alice, { chatId: started.chatId, body: "Did this arrive?", clientId: "line-1" });
    const again = await sendChatMessage(seeded.db, alice, { chatId: started.chatId, body: "Did this arrive?", clientId: "line-1" });
    expect(first).toMatchObject({ ok: true });
    expect(again).toEqual(first);
    // Another sender's line with the same clientId is its own line.
    expect(await sendChatMessage(seeded.db, await viewer(MORGAN), { chatId: started.chatId, body: "It did", clientId: "line-1" })).not.toEqual(first);
    expect(await seeded.db.chatMessage.count({ where: { sessionId: started.chatId, body: "Did this arrive?" } })).toBe(1);
    expect(await seeded.db.requestStreamEvent.count({ where: { requestId: started.requestId, type: "chat", data: { path: ["message", "clientId"], equals: "line-1" } } })).toBe(2);
  });

  it("typing is answered for the two sides only, and never stored", async () => {
    const started = await accepted("alice@acme.test", "Typing test");
    const rowsBefore = await seeded.db.requestStreamEvent.count();
    const typed = await chatTyping(seeded.db, await viewer("alice@acme.test"), { chatId: started.chatId });
    expect(typed).toEqual({ ok: true, signal: { requestId: started.requestId, chatId: started.chatId, side: "customer", name: "Alice Whitmore" } });
    expect(await chatTyping(seeded.db, await viewer(MORGAN), { chatId: started.chatId })).toMatchObject({ ok: true, signal: { side: "agent" } });
    expect(await chatTyping(seeded.db, await viewer(SAM), { chatId: started.chatId })).toEqual({ ok: false, reason: "not_found" });
    expect(await chatTyping(seeded.db, await viewer("gina@globex.test"), { chatId: started.chatId })).toEqual({ ok: false, reason: "not_found" });
    expect(await seeded.db.requestStreamEvent.count()).toBe(rowsBefore);
    expect(await seeded.db.chatMessage.count({ where: { sessionId: started.chatId } })).toBe(1);
  });
});

describe("handing a chat over", () => {
  it("to an agent who is away is refused; to an available one reassigns the chat and the request", async () => {
    const started = await accepted("alice@acme.test", "Transfer me");
    const [hana, sam] = [await userId(HANA), await userId(SAM)];
    await setAvailable(HANA, false);
    expect(await transferChat(seeded.db, await viewer(MORGAN), { chatId: started.chatId, agentId: hana })).toMatchObject({
      ok: false,
      reason: "refused",
      refusal: { code: "transfer_to_unavailable" },
    });
    // Only the agent holding it hands it over.
    await setAvailable(SAM, true);
    expect(await transferChat(seeded.db, await viewer(HANA), { chatId: started.chatId, agentId: sam })).toMatchObject({ ok: false, reason: "refused", refusal: { code: "not_in_chat" } });

    expect(await transferChat(seeded.db, await viewer(MORGAN), { chatId: started.chatId, agentId: sam })).toEqual({ ok: true, requestId: started.requestId });
    expect(await seeded.db.chatSession.findUniqueOrThrow({ where: { id: started.chatId }, select: { agentId: true, status: true } })).toEqual({ agentId: sam, status: "active" });
    expect((await seeded.db.request.findUniqueOrThrow({ where: { id: started.requestId }, select: { assigneeId: true } })).assigneeId).toBe(sam);
    // The one who handed it over no longer writes in it; the new holder does.
    expect(await sendChatMessage(seeded.db, await viewer(MORGAN), { chatId: started.chatId, body: "Still me?" })).toEqual({ ok: false, reason: "not_found" });
    expect(await sendChatMessage(seeded.db, await viewer(SAM), { chatId: started.chatId, body: "Sam here" })).toMatchObject({ ok: true });
    await setAvailable(SAM, false);
  });
});

describe("ending a chat", () => {
  it("writes ended and mails the transcript, with every line, to the customer who started it", async () => {
    const started = await accepted("alice@acme.test", "Can you help <b>me</b>?");
    expect(await sendChatMessage(seeded.db, await viewer(MORGAN), { chatId: started.chatId, body: "Sure.\nWhat do you see?" })).toMatchObject({ ok: true });
    expect(await endChat(seeded.db, await viewer("alice@acme.test"), { chatId: started.chatId })).toEqual({ ok: true, requestId: started.requestId });

    expect(await seeded.db.chatSession.findUniqueOrThrow({ where: { id: started.chatId }, select: { status: true, endedBy: true, endedAt: true } })).toMatchObject({
      status: "ended",
      endedBy: "customer",
      endedAt: expect.any(Date),
    });
    const [mail, ...more] = await transcriptsOf(started.requestId);
    expect(more).toHaveLength(0);
    expect(mail).toMatchObject({ kind: "agent_reply", toAddress: "alice@acme.test", status: "kept" });
    expect(mail?.subject).toMatch(new RegExp(`^\\[#${started.requestId}\\] Your chat about `));
    for (const part of [mail?.text ?? "", mail?.html ?? ""]) {
      expect(part).toContain("Alice Whitmore");
      expect(part).toContain("Morgan Ellis");
      expect(part).toContain("What do you see?");
      expect(part).toContain(`/requests/${started.requestId}`);
    }
    expect(mail?.text).toContain("Can you help <b>me</b>?");
    expect(mail?.html).toContain("Can you help &lt;b&gt;me&lt;/b&gt;?");
    expect(mail?.text).toMatch(/UTC/);
    // Threaded like any notification on the request: the reply address, after the acknowledgement.
    expect(mail?.replyTo).toBeTruthy();
    expect(mail?.inReplyTo).toBeTruthy();
    expect(mail?.headers).toMatchObject({ "X-Portico-Request": String(started.requestId), "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" });

    // Ending again is refused; either side may no longer write.
    expect(await endChat(seeded.db, await viewer(MORGAN), { chatId: started.chatId })).toMatchObject({ ok: false, reason: "refused", refusal: { code: "chat_ended" } });
    expect(await sendChatMessage(seeded.db, await viewer("alice@acme.test"), { chatId: started.chatId, body: "One more" })).toMatchObject({ ok: false, reason: "refused", refusal: { code: "chat_ended" } });
  });

  it("sends no transcript for an empty chat, nor to a customer who turned replies off", async () => {
    const requestId = await aliceOpens();
    const alice = await userId("alice@acme.test");
    const empty = await seeded.db.chatSession.create({ data: { requestId, startedById: alice, status: "waiting" }, select: { id: true } });
    expect(await endChat(seeded.db, await viewer("alice@acme.test"), { chatId: empty.id })).toEqual({ ok: true, requestId });
    expect(await transcriptsOf(requestId)).toEqual([]);

    const started = await chatStarted("bob@acme.test", "Quiet please");
    await seeded.db.user.update({ where: { email: "bob@acme.test" }, data: { mailOff: ["agent_reply"] } });
    try {
      expect(await endChat(seeded.db, await viewer("bob@acme.test"), { chatId: started.chatId })).toMatchObject({ ok: true });
      expect(await transcriptsOf(started.requestId)).toEqual([]);
    } finally {
      await seeded.db.user.update({ where: { email: "bob@acme.test" }, data: { mailOff: [] } });
    }
  });

  it("keeps the transcript of an undeliverable address out of delivery, like all mail", async () => {
    const started = await chatStarted("bob@acme.test", "Bounce me");
    await seeded.db.undeliverableAddress.create({ data: { address: "bob@acme.test", reason: "550 no such user" } });
    try {
      // Morgan has not taken it: it is not his to end.
      expect(await endChat(seeded.db, await viewer(MORGAN), { chatId: started.chatId })).toEqual({ ok: false, reason: "not_found" });
      expect(await endChat(seeded.db, await viewer("bob@acme.test"), { chatId: started.chatId })).toMatchObject({ ok: true });
      expect((await transcriptsOf(started.requestId)).map((mail) => mail.status)).toEqual(["suppressed"]);
    } finally {
      await seeded.db.undeliverableAddress.deleteMany({ where: { address: "bob@acme.test" } });
    }
  });

  it("ends idle chats in the automation's pass, once, with their transcripts", async () => {
    const idle = await chatStarted("alice@acme.test", "Anyone?");
    const busy = await accepted("alice@acme.test", "Keep me going");
    // Ten minutes on, the busy chat gets a line; the idle one does not.
    expect(await sendChatMessage(seeded.db, await viewer("alice@acme.test", later(10 * MINUTE)), { chatId: busy.chatId, body: "Still here" })).toMatchObject({ ok: true });

    const pass = await runAutomation(seeded.db, { now: later(16 * MINUTE), scanning: null, chatIdleMs: 15 * MINUTE });
    expect(pass.endedIdleChats).toBeGreaterThanOrEqual(1);
    expect(await seeded.db.chatSession.findUniqueOrThrow({ where: { id: idle.chatId }, select: { status: true, endedBy: true } })).toEqual({ status: "ended", endedBy: "idle" });
    expect(await seeded.db.chatSession.findUniqueOrThrow({ where: { id: busy.chatId }, select: { status: true } })).toEqual({ status: "active" });
    const [mail] = await transcriptsOf(idle.requestId);
    expect(mail?.text).toContain("Anyone?");
    expect(mail?.text).toContain("nobody wrote for a while");

    // Already ended: a second pass at the same time ends nothing more.
    expect(await endIdleChats(seeded.db, later(16 * MINUTE), 15 * MINUTE)).toBe(0);
    expect(await transcriptsOf(idle.requestId)).toHaveLength(1);
    // Past the busy chat's idle time too.
    expect(await endIdleChats(seeded.db, later(26 * MINUTE), 15 * MINUTE)).toBe(1);
    expect(await seeded.db.chatSession.findUniqueOrThrow({ where: { id: busy.chatId }, select: { endedBy: true } })).toEqual({ endedBy: "idle" });
  });

  it.runIf(onServer)("keeps a chat open that got a line after the automation picked it as idle", async () => {
    const revived = await accepted("alice@acme.test", "Quiet for a while");
    let ending: Promise<number> | undefined;
    await seeded.db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT 1 FROM "ChatSession" WHERE id = ${revived.chatId} FOR UPDATE`;
      ending = endIdleChats(second.db, later(16 * MINUTE), 15 * MINUTE);
      await untilSomeoneWaits(tx);
      await tx.chatSession.update({ where: { id: revived.chatId }, data: { lastMessageAt: later(15 * MINUTE) } });
    });
    await ending;
    expect(await seeded.db.chatSession.findUniqueOrThrow({ where: { id: revived.chatId }, select: { status: true } })).toEqual({ status: "active" });
  });
});
