import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { addInternalNote } from "@/server/requests/add-internal-note";
import { addRequestCc } from "@/server/requests/add-request-cc";
import { createRequest } from "@/server/requests/create-request";
import { removeRequestCc } from "@/server/requests/remove-request-cc";
import { replyAsAgent } from "@/server/requests/reply-as-agent";
import { createStreamHub, type StreamHub } from "@/server/realtime/hub";
import { openRequestStream } from "@/server/realtime/request-stream";
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
  return {
    frames,
    async until(enough: (frames: Frame[]) => boolean, timeoutMs = 10_000): Promise<Frame[]> {
      const deadline = Date.now() + timeoutMs;
      while (!enough(frames)) {
        if (ended) return frames;
        if (Date.now() > deadline) throw new Error(`Timed out; got ${JSON.stringify(frames)}`);
        const chunk = await Promise.race([source.read(), new Promise<null>((resolve) => setTimeout(() => resolve(null), 200))]);
        if (chunk === null) continue;
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

const open = async (email: string, requestId: number, hub: StreamHub, after: bigint | null = null) => {
  const opened = await openRequestStream(seeded.db, await viewer(email), requestId, { hub, after, now: () => new Date(), recheckMs: 60_000 });
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
