import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { DEFAULT_SESSION_POLICY } from "@/domain";
import type { Database } from "@/server/db/client";
import { acceptChat, chatTyping, sendChatMessage } from "@/server/chat/chat-actions";
import { setChatAvailability } from "@/server/chat/presence";
import { startChat } from "@/server/chat/start-chat";
import { addInternalNote } from "@/server/requests/add-internal-note";
import { addRequestCc } from "@/server/requests/add-request-cc";
import { createRequest } from "@/server/requests/create-request";
import { removeRequestCc } from "@/server/requests/remove-request-cc";
import { replyAsAgent } from "@/server/requests/reply-as-agent";
import { createStreamHub, type StreamHub } from "@/server/realtime/hub";
import { recordRequestChanged } from "@/server/realtime/stream-events";
import { openConsoleStream, openRequestStream, openRequestsStream, type StreamOptions } from "@/server/realtime/request-stream";
import { endSession, isSessionOpen, startSession } from "@/server/security/sessions";
import { prepareSecondClient, prepareSeededDatabase } from "../setup/seeded-database";
import { viewerFor } from "../setup/viewers";

// docs/realtime.md: a request's stream is opened through the gate, sends each change once in the
// log's order, resumes after a Last-Event-ID with nothing missed or doubled, keeps internal notes to
// agents, ends when the viewer may no longer see the request, and wakes on another instance's changes.

const seeded = prepareSeededDatabase();
const second = prepareSecondClient(seeded);
const hubs: StreamHub[] = [];
afterAll(async () => {
  for (const hub of hubs) await hub.close();
});
const pollingHub = () => {
  const hub = createStreamHub({ pollMs: 50 });
  hubs.push(hub);
  return hub;
};
const viewer = (email: string) => viewerFor(seeded.db, email);

interface Frame {
  id: string | null;
  event: string;
  data: Record<string, unknown>;
}

/** Reads frames off a stream until `enough` says so (or the stream ends). */
function reader(stream: ReadableStream<Uint8Array>) {
  const frames: Frame[] = [];
  const decoder = new TextDecoder();
  const source = stream.getReader();
  let buffer = "";
  let ended = false;
  // A read outlives the wait that gave up on it: its chunk is taken by the next wait, never dropped.
  let pending: Promise<ReadableStreamReadResult<Uint8Array>> | null = null;
  return {
    frames,
    async until(enough: (frames: Frame[]) => boolean, timeoutMs = 10_000): Promise<Frame[]> {
      const deadline = Date.now() + timeoutMs;
      while (!enough(frames)) {
        if (ended) return frames;
        if (Date.now() > deadline) throw new Error(`Timed out; got ${JSON.stringify(frames)}`);
        pending ??= source.read();
        const chunk = await Promise.race([pending, new Promise<null>((resolve) => setTimeout(() => resolve(null), 200))]);
        if (chunk === null) continue;
        pending = null;
        if (chunk.done) {
          ended = true;
          continue;
        }
        buffer += decoder.decode(chunk.value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const fields = Object.fromEntries(block.split("\n").filter((line) => !line.startsWith(":") && line.includes(": ")).map((line) => [line.slice(0, line.indexOf(": ")), line.slice(line.indexOf(": ") + 2)]));
          if (fields.event) frames.push({ id: fields.id ?? null, event: fields.event, data: JSON.parse(fields.data ?? "{}") as Record<string, unknown> });
        }
      }
      return frames;
    },
    get ended() {
      return ended;
    },
    cancel: () => source.cancel(),
  };
}

async function aliceOpens(): Promise<number> {
  const opened = await createRequest(seeded.db, await viewer("alice@acme.test"), { subject: `Live ${randomUUID().slice(0, 6)}`, description: "Watch me.", priority: "S3", ccUserIds: [], submissionKey: randomUUID() });
  if (!opened.ok) throw new Error("not opened");
  return opened.id;
}

async function agentReplies(requestId: number, body: string) {
  const replied = await replyAsAgent(seeded.db, await viewer("agent@portico.test"), { requestId, body, submissionKey: randomUUID() });
  if (!replied.ok) throw new Error(JSON.stringify(replied));
}

const open = async (email: string, requestId: number, hub: StreamHub, after: bigint | null = null, more: Partial<StreamOptions> = {}) => {
  const opened = await openRequestStream(seeded.db, await viewer(email), requestId, { hub, after, now: () => new Date(), recheckMs: 60_000, ...more });
  if (!opened.ok) throw new Error(`stream refused: ${opened.reason}`);
  return reader(opened.stream);
};

describe("a request's event stream", () => {
  it("is the same not-found as a missing request for someone who may not see it", async () => {
    const requestId = await aliceOpens();
    const hub = pollingHub();
    expect(await openRequestStream(seeded.db, await viewer("gina@globex.test"), requestId, { hub, after: null, now: () => new Date() })).toEqual({ ok: false, reason: "not_found" });
    expect(await openRequestStream(seeded.db, await viewer("gina@globex.test"), 999_999, { hub, after: null, now: () => new Date() })).toEqual({ ok: false, reason: "not_found" });
  });

  it("sends each change once, in order, and keeps internal notes to agents", async () => {
    const requestId = await aliceOpens();
    const hub = pollingHub();
    const customer = await open("alice@acme.test", requestId, hub);
    const agent = await open("agent@portico.test", requestId, hub);
    await addInternalNote(seeded.db, await viewer("agent@portico.test"), { requestId, body: "Only for us", submissionKey: randomUUID() });
    await agentReplies(requestId, "First answer");
    await agentReplies(requestId, "Second answer");

    const seenByAgent = await agent.until((frames) => frames.length >= 3);
    const seenByCustomer = await customer.until((frames) => frames.length >= 2);
    expect(seenByAgent.map((frame) => frame.event)).toEqual(["changed", "changed", "changed"]);
    expect(seenByCustomer).toHaveLength(2);
    const ids = seenByAgent.map((frame) => BigInt(frame.id ?? "0"));
    expect([...ids].sort((a, b) => (a < b ? -1 : 1))).toEqual(ids);
    // The customer's two events are the agent's last two: the note is not among them.
    expect(seenByCustomer.map((frame) => frame.id)).toEqual(seenByAgent.slice(1).map((frame) => frame.id));
    expect(seenByCustomer[0]?.data).toMatchObject({ requestId, status: "pending" });
    await customer.cancel();
    await agent.cancel();
  });

  it("resumes after the Last-Event-ID with nothing missed and nothing twice", async () => {
    const requestId = await aliceOpens();
    const hub = pollingHub();
    const first = await open("alice@acme.test", requestId, hub);
    await agentReplies(requestId, "Before the cut");
    const [seen] = await first.until((frames) => frames.length >= 1);
    await first.cancel();

    // While the browser is away.
    await agentReplies(requestId, "During the cut 1");
    await agentReplies(requestId, "During the cut 2");
    const resumed = await open("alice@acme.test", requestId, hub, BigInt(seen!.id!));
    await agentReplies(requestId, "After the cut");
    const frames = await resumed.until((all) => all.length >= 3);
    expect(frames).toHaveLength(3);
    expect(new Set(frames.map((frame) => frame.id)).size).toBe(3);
    expect(frames.every((frame) => BigInt(frame.id!) > BigInt(seen!.id!))).toBe(true);
    await resumed.cancel();
  });

  it("ends with a 'gone' event when the viewer may no longer see the request (a removed CC)", async () => {
    const requestId = await aliceOpens();
    const bob = await seeded.db.user.findUniqueOrThrow({ where: { email: "bob@acme.test" } });
    const alice = await viewer("alice@acme.test");
    expect((await addRequestCc(seeded.db, alice, { requestId, userId: bob.id })).ok).toBe(true);
    const hub = pollingHub();
    const bobsStream = await open("bob@acme.test", requestId, hub);
    expect((await removeRequestCc(seeded.db, alice, { requestId, userId: bob.id })).ok).toBe(true);
    const frames = await bobsStream.until((all) => all.some((frame) => frame.event === "gone"));
    expect(frames.at(-1)?.event).toBe("gone");
    await bobsStream.until(() => false, 2_000).catch(() => {});
    expect(bobsStream.ended).toBe(true);
  });

  it("still sends an event whose transaction began writing first but committed after a later one the stream had already sent", async ({ skip }) => {
    if (seeded.database.poolMax <= 1) skip("the embedded database serves one connection: transactions cannot overlap");
    const requestId = await aliceOpens();
    const hub = pollingHub();
    const agent = await open("agent@portico.test", requestId, hub);
    let commit = () => {};
    const held = new Promise<void>((resolve) => (commit = resolve));
    let written = () => {};
    const slowWrote = new Promise<void>((resolve) => (written = resolve));
    // The slow transaction writes its event first (the lower id) and waits before committing.
    const slow = seeded.db.$transaction(async (tx) => {
      await recordRequestChanged(tx, { requestId, internal: false, data: { slow: true } });
      written();
      await held;
    });
    await slowWrote;
    await agentReplies(requestId, "Committed while the other transaction is still open");
    const [quick] = await agent.until((frames) => frames.length >= 1);
    expect(quick?.data).toMatchObject({ status: "pending" });
    commit();
    await slow;
    const frames = await agent.until((all) => all.length >= 2);
    expect(frames[1]?.data).toMatchObject({ requestId, slow: true });
    expect(BigInt(frames[1]!.id!)).toBeGreaterThan(BigInt(quick!.id!));
    await agent.cancel();
  }, 30_000);

  it("wakes on a change written by another instance, through PostgreSQL's NOTIFY", async ({ skip }) => {
    if (seeded.database.poolMax <= 1) skip("the embedded database serves one connection: it polls instead");
    const requestId = await aliceOpens();
    // Polling so slow it cannot be what delivers the event.
    const hub = createStreamHub({ listenUrl: seeded.database.url, pollMs: 600_000 });
    hubs.push(hub);
    const stream = await open("alice@acme.test", requestId, hub);
    // Give the listening connection a moment to be up, then write from the other client.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const replied = await replyAsAgent(second.db, await viewer("agent@portico.test"), { requestId, body: "From the other instance", submissionKey: randomUUID() });
    expect(replied.ok).toBe(true);
    const frames = await stream.until((all) => all.length >= 1, 5_000);
    expect(frames[0]).toMatchObject({ event: "changed", data: { requestId } });
    await stream.cancel();
  });
});

/** A chat Alice started about a new topic, taken by Morgan. */
async function aliceChatsWithMorgan(): Promise<{ chatId: string; requestId: number }> {
  const morgan = await viewer("agent@portico.test");
  expect(await setChatAvailability(seeded.db, morgan, { available: "available" })).toMatchObject({ ok: true });
  const started = await startChat(seeded.db, await viewer("alice@acme.test"), { message: `Chat ${randomUUID().slice(0, 6)}`, submissionKey: randomUUID() });
  if (!started.ok || started.mode !== "chat") throw new Error(JSON.stringify(started));
  expect(await acceptChat(seeded.db, morgan, { chatId: started.chatId })).toMatchObject({ ok: true });
  return { chatId: started.chatId, requestId: started.requestId };
}

async function say(email: string, chatId: string, body: string, db = seeded.db) {
  const sent = await sendChatMessage(db, await viewer(email), { chatId, body });
  if (!sent.ok) throw new Error(JSON.stringify(sent));
  return sent;
}

const chatLines = (frames: Frame[]) =>
  frames.filter((frame) => frame.event === "chat" && frame.data.kind === "message").map((frame) => (frame.data.message as { body: string }).body);

describe("the streams of a chat and of a list", () => {
  it("are not found for a customer of another organization: one request, or a list of rows", async () => {
    const requestId = await aliceOpens();
    const other = await aliceOpens();
    const hub = pollingHub();
    const gina = await viewer("gina@globex.test");
    const options = { hub, after: null, now: () => new Date() };
    expect(await openRequestStream(seeded.db, gina, requestId, options)).toEqual({ ok: false, reason: "not_found" });
    expect(await openRequestsStream(seeded.db, gina, [requestId, other], options)).toEqual({ ok: false, reason: "not_found" });
  });

  it("a list's stream follows only the rows the viewer may see", async () => {
    const mine = await aliceOpens();
    const hub = pollingHub();
    // Bob sees none of Alice's requests he is not CC'd on: a list naming one of them and his own shows only his.
    const bobsOwn = await createRequest(seeded.db, await viewer("bob@acme.test"), { subject: "Bob's", description: "Mine.", priority: "S3", ccUserIds: [], submissionKey: randomUUID() });
    if (!bobsOwn.ok) throw new Error("not opened");
    const opened = await openRequestsStream(seeded.db, await viewer("bob@acme.test"), [mine, bobsOwn.id], { hub, after: null, now: () => new Date(), recheckMs: 60_000 });
    if (!opened.ok) throw new Error("refused");
    const stream = reader(opened.stream);
    await agentReplies(mine, "Not for Bob");
    await agentReplies(bobsOwn.id, "For Bob");
    const frames = await stream.until((all) => all.length >= 1);
    await stream.until(() => false, 600).catch(() => {});
    expect(frames.map((frame) => frame.data.requestId)).toEqual([bobsOwn.id]);
    await stream.cancel();
  });

  it("delivers a chat's messages to its customer in order, and resumes after an id with no gap and nothing twice", async () => {
    const { chatId, requestId } = await aliceChatsWithMorgan();
    const hub = pollingHub();
    const first = await open("alice@acme.test", requestId, hub);
    for (const body of ["one", "two", "three"]) await say(body === "two" ? "agent@portico.test" : "alice@acme.test", chatId, body);
    const seen = await first.until((frames) => chatLines(frames).length >= 3);
    expect(chatLines(seen)).toEqual(["one", "two", "three"]);
    const two = seen.find((frame) => frame.data.kind === "message" && (frame.data.message as { body: string }).body === "two");
    expect(two?.data).toMatchObject({ requestId, chatId, message: { side: "agent", authorName: "Morgan Ellis" } });
    await first.cancel();

    // The browser kept the id of "one" only; it is away while more is written.
    const cut = seen.find((frame) => frame.event === "chat" && (frame.data.message as { body: string } | undefined)?.body === "one");
    for (const body of ["four", "five"]) await say("agent@portico.test", chatId, body);
    const resumed = await open("alice@acme.test", requestId, hub, BigInt(cut!.id!));
    await say("alice@acme.test", chatId, "six");
    const frames = await resumed.until((all) => chatLines(all).length >= 5);
    expect(chatLines(frames)).toEqual(["two", "three", "four", "five", "six"]);
    const ids = frames.map((frame) => BigInt(frame.id!));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id, index) => index === 0 || id > ids[index - 1]!)).toBe(true);
    await resumed.cancel();
  });

  it("sends 'gone' and closes at its next check once the viewer's sign-in session has ended", async () => {
    const requestId = await aliceOpens();
    const alice = await viewer("alice@acme.test");
    const sessionId = await startSession(seeded.db, alice.actor.userId, { address: null, userAgent: null }, new Date());
    const hub = pollingHub();
    // The session is asked with every periodic check (every 30 s in the app; here quickly).
    const stream = await open("alice@acme.test", requestId, hub, null, {
      stillSignedIn: () => isSessionOpen(seeded.db, { userId: alice.actor.userId, sessionId }, new Date(), DEFAULT_SESSION_POLICY),
      recheckMs: 300,
    });
    await agentReplies(requestId, "While signed in");
    expect((await stream.until((all) => all.length >= 1)).map((frame) => frame.event)).toEqual(["changed"]);

    expect(await endSession(seeded.db, sessionId, "signed_out", new Date())).toBe(1);
    const frames = await stream.until((all) => all.some((frame) => frame.event === "gone"));
    expect(frames.at(-1)?.event).toBe("gone");
    await stream.until(() => false, 2_000).catch(() => {});
    expect(stream.ended).toBe(true);
  });

  it("two instances LISTENing on one PostgreSQL: a message written through one reaches a stream on the other, and so does typing", async ({ skip }) => {
    if (seeded.database.poolMax <= 1) skip("the embedded database serves one connection: it polls instead");
    const { chatId, requestId } = await aliceChatsWithMorgan();
    // Polling so slow it cannot be what delivers anything.
    const here = createStreamHub({ listenUrl: seeded.database.url, pollMs: 600_000 });
    const there = createStreamHub({ listenUrl: seeded.database.url, pollMs: 600_000 });
    hubs.push(here, there);
    const agentHere = await open("agent@portico.test", requestId, here);
    const customerThere = await open("alice@acme.test", requestId, there);
    // Give both listening connections a moment to be up.
    await new Promise((resolve) => setTimeout(resolve, 500));

    // Written by "this" instance (its own client, then its own nudge, as the route does).
    await say("agent@portico.test", chatId, "Across instances", second.db);
    here.nudge(requestId);
    expect(chatLines(await customerThere.until((all) => chatLines(all).length >= 1, 5_000))).toEqual(["Across instances"]);
    expect(chatLines(await agentHere.until((all) => chatLines(all).length >= 1, 5_000))).toEqual(["Across instances"]);

    const typed = await chatTyping(seeded.db, await viewer("agent@portico.test"), { chatId });
    if (!typed.ok) throw new Error("typing refused");
    await here.publishTyping(typed.signal);
    const frames = await customerThere.until((all) => all.some((frame) => frame.event === "typing"), 5_000);
    const typing = frames.find((frame) => frame.event === "typing");
    expect(typing).toEqual({ id: null, event: "typing", data: { requestId, chatId, side: "agent", name: "Morgan Ellis" } });
    await agentHere.cancel();
    await customerThere.cancel();
    await setChatAvailability(seeded.db, await viewer("agent@portico.test"), { available: "away" });
  });
});

describe("the agent console's streams", () => {
  it("read the log once for all of them when a change wakes them together, and each gets every event once, in order", async () => {
    const requestId = await aliceOpens();
    // Woken only by the nudges below: polling so slow it never comes.
    const hub = createStreamHub({ pollMs: 600_000 });
    hubs.push(hub);
    let reads = 0;
    const counted = seeded.db.$extends({
      query: {
        requestStreamEvent: {
          findMany: ({ args, query }) => {
            reads += 1;
            return query(args);
          },
        },
      },
    }) as unknown as Database;
    const agent = await viewer("agent@portico.test");
    const streams = await Promise.all(
      Array.from({ length: 5 }, async () => {
        const opened = await openConsoleStream(counted, agent, { hub, after: null, now: () => new Date(), recheckMs: 60_000 });
        if (!opened.ok) throw new Error("refused");
        return reader(opened.stream);
      }),
    );
    const about = (frames: Frame[]) => frames.filter((frame) => frame.data.requestId === requestId);
    // Each stream has made its first read, at the log's end.
    await new Promise((resolve) => setTimeout(resolve, 300));

    for (const [index, body] of ["First for every agent", "Second for every agent"].entries()) {
      reads = 0;
      await agentReplies(requestId, body);
      hub.nudge(requestId);
      for (const stream of streams) await stream.until((frames) => about(frames).length > index);
      expect(reads).toBe(1);
    }
    const [first] = streams.map((stream) => about(stream.frames).map((frame) => frame.id));
    expect(first).toHaveLength(2);
    for (const stream of streams) expect(about(stream.frames).map((frame) => frame.id)).toEqual(first);
    for (const stream of streams) await stream.cancel();
  });
});
