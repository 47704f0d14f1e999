import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { MINUTE } from "@/domain";
import { recordRequestChanged } from "@/server/realtime/stream-events";
import { addInternalNote } from "@/server/requests/add-internal-note";
import { createRequest } from "@/server/requests/create-request";
import { replyAsAgent } from "@/server/requests/reply-as-agent";
import { deliverDueWebhooks } from "@/server/webhooks/delivery";
import { isPrivateAddress, webhookFetch } from "@/server/webhooks/outbound-http";
import { newWebhookSecret } from "@/server/webhooks/signing";
import { prepareSecondClient, prepareSeededDatabase } from "../setup/seeded-database";
import { viewerFor } from "../setup/viewers";

// docs/webhooks.md: a change to a request writes its webhook deliveries in its own transaction; the
// delivery job posts them, signed the Standard Webhooks way, to a real HTTP receiver, retries what
// failed with a growing wait, and two senders side by side send each delivery once.

const seeded = prepareSeededDatabase();
const second = prepareSecondClient(seeded);
const later = (base: Date, ms: number) => new Date(base.getTime() + ms);

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A receiver on 127.0.0.1: answers each path with its queued status codes in turn, then 200. */
class Receiver {
  readonly received: Received[] = [];
  readonly answers = new Map<string, number[]>();
  delayMs = 0;
  private server: Server | undefined;
  port = 0;

  async start(port = 0): Promise<void> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        const path = request.url ?? "/";
        this.received.push({ path, headers: request.headers, body: Buffer.concat(chunks).toString("utf8") });
        const status = this.answers.get(path)?.shift() ?? 200;
        setTimeout(() => {
          if (status === 302) response.writeHead(302, { location: "http://127.0.0.1:1/elsewhere" }).end();
          else response.writeHead(status, { "content-type": "text/plain" }).end(status === 200 ? "ok" : `failed with ${status} ${"x".repeat(2000)}`);
        }, this.delayMs);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(port, "127.0.0.1", resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  at(path: string): Received[] {
    return this.received.filter((request) => request.path === path);
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** The receiver's own check, written from the specification and not with our verify function. */
function signedBy(secret: string, received: Received): boolean {
  const id = received.headers["webhook-id"];
  const timestamp = received.headers["webhook-timestamp"];
  const signatures = received.headers["webhook-signature"];
  if (typeof id !== "string" || typeof timestamp !== "string" || typeof signatures !== "string") return false;
  const key = Buffer.from(secret.split("_")[1]!, "base64");
  const expected = Buffer.from(`v1,${createHmac("sha256", key).update(`${id}.${timestamp}.${received.body}`).digest("base64")}`);
  return signatures.split(" ").some((signature) => signature.length === expected.length && timingSafeEqual(Buffer.from(signature), expected));
}

const receiver = new Receiver();
beforeAll(() => receiver.start());
// The receivers here listen on loopback, which deliveries refuse unless allowed (the last describe checks that).
const allowed = process.env.WEBHOOK_ALLOW_PRIVATE_NETWORKS;
beforeAll(() => {
  process.env.WEBHOOK_ALLOW_PRIVATE_NETWORKS = "true";
});
afterAll(() => {
  if (allowed === undefined) delete process.env.WEBHOOK_ALLOW_PRIVATE_NETWORKS;
  else process.env.WEBHOOK_ALLOW_PRIVATE_NETWORKS = allowed;
});
afterAll(() => receiver.stop());

let agentId: string;
beforeAll(async () => {
  agentId = (await seeded.db.user.findUniqueOrThrow({ where: { email: "agent@portico.test" }, select: { id: true } })).id;
});
// Each test has only its own endpoints (their deliveries go with them).
beforeEach(async () => {
  await seeded.db.webhookEndpoint.deleteMany({});
});

async function endpoint(path: string, fields: { events?: string[]; internal?: boolean; url?: string } = {}) {
  return seeded.db.webhookEndpoint.create({
    data: {
      url: fields.url ?? receiver.url(path),
      secret: newWebhookSecret(),
      events: fields.events ?? ["request.created", "request.updated", "message.created"],
      internal: fields.internal ?? false,
      createdById: agentId,
    },
  });
}

const deliveriesTo = (endpointId: string) => seeded.db.webhookDelivery.findMany({ where: { endpointId }, orderBy: [{ createdAt: "asc" }, { event: "asc" }] });

async function newRequest(subject = `Export stalls ${randomUUID().slice(0, 8)}`) {
  const dave = await viewerFor(seeded.db, "dave@acme.test");
  const created = await createRequest(seeded.db, dave, { subject, description: "Exports of **Sales** stop.", priority: "S2", ccUserIds: [], submissionKey: randomUUID() });
  if (!created.ok) throw new Error(`not created: ${JSON.stringify(created)}`);
  return created.id;
}

describe("enqueueing", () => {
  it("writes request.created, then message.created and request.updated for a reply, to the endpoints subscribed", async () => {
    const everything = await endpoint("/all");
    const internal = await endpoint("/internal", { internal: true });
    const createdOnly = await endpoint("/created", { events: ["request.created"] });

    const subject = `Export stalls ${randomUUID().slice(0, 8)}`;
    const requestId = await newRequest(subject);
    const [created] = await deliveriesTo(everything.id);
    expect(created).toMatchObject({ event: "request.created", requestId, status: "queued", attempts: 0 });
    expect(created!.messageId).toMatch(/^msg_[A-Za-z0-9_-]{20,}$/);
    expect(created!.payload).toMatchObject({
      type: "request.created",
      data: {
        request: {
          id: requestId,
          subject,
          description: "Exports of **Sales** stop.",
          status: "open",
          priority: "S2",
          organization: { name: expect.any(String) },
          requester: { email: "dave@acme.test", name: expect.any(String) },
          assignee: null,
        },
      },
    });
    expect(Date.parse((created!.payload as { timestamp: string }).timestamp)).not.toBeNaN();
    const stored = await seeded.db.request.findUniqueOrThrow({ where: { id: requestId }, select: { createdAt: true, lastActivityAt: true } });
    expect(created!.payload).toMatchObject({ data: { request: { createdAt: stored.createdAt.toISOString(), lastActivityAt: stored.lastActivityAt.toISOString(), solvedAt: null } } });
    const { url } = (created!.payload as { data: { request: { url: string | null } } }).data.request;
    expect(url === null || url.endsWith(`/agent/requests/${requestId}`)).toBe(true);
    // One event, one message id, for every endpoint that receives it.
    expect((await deliveriesTo(createdOnly.id)).map((delivery) => delivery.messageId)).toEqual([created!.messageId]);
    expect((await deliveriesTo(internal.id)).map((delivery) => delivery.messageId)).toEqual([created!.messageId]);

    const agent = await viewerFor(seeded.db, "agent@portico.test");
    expect(await replyAsAgent(seeded.db, agent, { requestId, body: "Try **smaller** exports.", submissionKey: randomUUID() })).toEqual({ ok: true });
    const afterReply = await deliveriesTo(everything.id);
    expect(afterReply.map((delivery) => delivery.event).sort()).toEqual(["message.created", "request.created", "request.updated"]);
    const message = afterReply.find((delivery) => delivery.event === "message.created")!;
    expect(message.payload).toMatchObject({
      type: "message.created",
      data: {
        request: { id: requestId, status: "pending" },
        message: { visibility: "public", channel: "web", body: "Try **smaller** exports.", author: { id: agentId, isAgent: true } },
      },
    });
    expect(afterReply.find((delivery) => delivery.event === "request.updated")!.payload).toMatchObject({ type: "request.updated", data: { request: { id: requestId, status: "pending" } } });
    expect(await deliveriesTo(createdOnly.id)).toHaveLength(1);
  });

  it("sends an internal note only to endpoints marked internal, and nothing of it to the others", async () => {
    const everything = await endpoint("/all");
    const internal = await endpoint("/internal", { internal: true });
    const requestId = await newRequest();
    const agent = await viewerFor(seeded.db, "agent@portico.test");
    const note = `Customer is on the old plan ${randomUUID()}`;
    expect(await addInternalNote(seeded.db, agent, { requestId, body: note, submissionKey: randomUUID() })).toEqual({ ok: true });

    const toInternal = (await deliveriesTo(internal.id)).filter((delivery) => delivery.event !== "request.created");
    expect(toInternal).toHaveLength(1);
    expect(toInternal[0]!.payload).toMatchObject({ type: "message.created", data: { message: { visibility: "internal", body: note } } });
    const toOthers = await deliveriesTo(everything.id);
    expect(toOthers.map((delivery) => delivery.event)).toEqual(["request.created"]);
    expect(JSON.stringify(toOthers.map((delivery) => delivery.payload))).not.toContain(note);
  });

  it("writes nothing for a change that is undone, and nothing for endpoints switched off", async () => {
    const everything = await endpoint("/all");
    const off = await endpoint("/off");
    await seeded.db.webhookEndpoint.update({ where: { id: off.id }, data: { enabled: false } });
    const requestId = await newRequest();
    await expect(
      seeded.db.$transaction(async (tx) => {
        await recordRequestChanged(tx, { requestId, internal: false, data: { commentId: null, status: "open", priority: "S1" } });
        expect(await tx.webhookDelivery.count({ where: { endpointId: everything.id, event: "request.updated" } })).toBe(1);
        throw new Error("undone");
      }),
    ).rejects.toThrow("undone");
    expect((await deliveriesTo(everything.id)).map((delivery) => delivery.event)).toEqual(["request.created"]);
    expect(await deliveriesTo(off.id)).toEqual([]);
  });

  it("reports a chat's transcript joining the thread as request.updated, with its lines", async () => {
    const everything = await endpoint("/all");
    const chat = await seeded.db.chatSession.findFirstOrThrow({ where: { status: "ended", messages: { some: {} } }, include: { messages: { orderBy: { sentAt: "asc" } } } });
    await seeded.db.$transaction((tx) => recordRequestChanged(tx, { requestId: chat.requestId, internal: false, data: { chatId: chat.id } }));
    const [updated] = await deliveriesTo(everything.id);
    expect(updated).toMatchObject({ event: "request.updated", requestId: chat.requestId });
    expect(updated!.payload).toMatchObject({
      data: {
        request: { id: chat.requestId },
        chat: { id: chat.id, endedBy: chat.endedBy, messages: chat.messages.map((line) => ({ id: line.id, body: line.body, sentAt: line.sentAt.toISOString() })) },
      },
    });
  });
});

describe("delivery", () => {
  it("posts the payload signed, retries 500s with a growing wait, and logs every attempt", async () => {
    const flaky = await endpoint("/flaky", { events: ["request.created"] });
    receiver.answers.set("/flaky", [500, 500]);
    const requestId = await newRequest();
    const [delivery] = await deliveriesTo(flaky.id);

    const start = new Date();
    await deliverDueWebhooks(seeded.db, { now: start });
    let row = await seeded.db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery!.id } });
    expect(row).toMatchObject({ status: "queued", attempts: 1, lastStatusCode: 500 });
    expect(row.nextAttemptAt.getTime() - start.getTime()).toBeGreaterThanOrEqual(30_000);
    expect(row.nextAttemptAt.getTime() - start.getTime()).toBeLessThan(35_000);

    // Not due yet: nothing is tried.
    await deliverDueWebhooks(seeded.db, { now: later(start, 10_000) });
    expect(receiver.at("/flaky")).toHaveLength(1);

    await deliverDueWebhooks(seeded.db, { now: later(start, 31_000) });
    row = await seeded.db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery!.id } });
    expect(row).toMatchObject({ status: "queued", attempts: 2, lastStatusCode: 500 });
    expect(row.nextAttemptAt.getTime() - later(start, 31_000).getTime()).toBeGreaterThanOrEqual(2 * MINUTE);

    const third = later(start, 31_000 + 2 * MINUTE + 5_000);
    await deliverDueWebhooks(seeded.db, { now: third });
    row = await seeded.db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery!.id } });
    expect(row).toMatchObject({ status: "delivered", attempts: 3, lastStatusCode: 200, lastError: null });
    expect(row.deliveredAt).not.toBeNull();

    const attempts = await seeded.db.webhookAttempt.findMany({ where: { deliveryId: delivery!.id }, orderBy: { number: "asc" } });
    expect(attempts.map((attempt) => [attempt.number, attempt.statusCode])).toEqual([
      [1, 500],
      [2, 500],
      [3, 200],
    ]);
    expect(attempts[0]!.responseBody).toMatch(/^failed with 500 x+$/);
    expect(Buffer.byteLength(attempts[0]!.responseBody!)).toBe(1024);
    expect(attempts[2]!.responseBody).toBe("ok");

    const received = receiver.at("/flaky");
    expect(received).toHaveLength(3);
    for (const request of received) {
      expect(signedBy(flaky.secret, request)).toBe(true);
      expect(request.headers["webhook-id"]).toBe(delivery!.messageId);
      expect(request.headers["content-type"]).toBe("application/json");
      expect(JSON.parse(request.body)).toMatchObject({ type: "request.created", data: { request: { id: requestId } } });
    }
    expect(signedBy(newWebhookSecret(), received[0]!)).toBe(false);
    // Each attempt is signed at its own time: the pass's clock, in unix seconds.
    expect(Number(received[0]!.headers["webhook-timestamp"])).toBeGreaterThanOrEqual(Math.floor(start.getTime() / 1000));
    expect(Number(received[0]!.headers["webhook-timestamp"])).toBeLessThanOrEqual(Math.floor(start.getTime() / 1000) + 5);
    expect(Number(received[2]!.headers["webhook-timestamp"])).toBeGreaterThanOrEqual(Math.floor(third.getTime() / 1000));
  });

  it("keeps a delivery to a receiver that is down, and sends it once the receiver is back", async () => {
    const down = new Receiver();
    await down.start();
    const port = down.port;
    await down.stop();
    const target = await endpoint("/down", { events: ["request.created"], url: `http://127.0.0.1:${port}/down` });
    await newRequest();
    const [delivery] = await deliveriesTo(target.id);

    const start = new Date();
    await deliverDueWebhooks(seeded.db, { now: start });
    const row = await seeded.db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery!.id }, include: { attemptLog: true } });
    expect(row).toMatchObject({ status: "queued", attempts: 1, lastStatusCode: null });
    expect(row.lastError).toMatch(/ECONNREFUSED|fetch failed/);
    expect(row.attemptLog).toMatchObject([{ number: 1, statusCode: null, responseBody: null }]);

    await down.start(port);
    try {
      await deliverDueWebhooks(seeded.db, { now: later(start, 31_000) });
      expect(await seeded.db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery!.id } })).toMatchObject({ status: "delivered", attempts: 2, lastStatusCode: 200 });
      expect(down.at("/down")).toHaveLength(1);
    } finally {
      await down.stop();
    }
  });

  it("does not follow a redirect, and gives up after the last attempt", async () => {
    const moved = await endpoint("/moved", { events: ["request.created"] });
    receiver.answers.set("/moved", Array.from({ length: 20 }, () => 302));
    await newRequest();
    const [delivery] = await deliveriesTo(moved.id);
    let now = new Date();
    for (let pass = 0; pass < 12; pass++) {
      await deliverDueWebhooks(seeded.db, { now });
      now = later(now, 25 * 60 * MINUTE);
    }
    const row = await seeded.db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery!.id }, include: { attemptLog: true } });
    expect(row).toMatchObject({ status: "failed", attempts: 8, lastStatusCode: 302 });
    expect(row.lastError).toContain("not followed");
    expect(row.attemptLog).toHaveLength(8);
    expect(receiver.at("/moved")).toHaveLength(8);
    expect(receiver.at("/elsewhere")).toHaveLength(0);
  });

  it("never sends the same delivery twice when two senders run at once", async () => {
    const busy = await endpoint("/busy", { events: ["request.created"] });
    for (let index = 0; index < 12; index++) await newRequest();
    const queued = await deliveriesTo(busy.id);
    expect(queued).toHaveLength(12);
    receiver.delayMs = 50;
    try {
      const now = new Date();
      await Promise.all([deliverDueWebhooks(seeded.db, { now, batchSize: 5 }), deliverDueWebhooks(second.db, { now, batchSize: 5 }), deliverDueWebhooks(seeded.db, { now, batchSize: 5 })]);
      await Promise.all([deliverDueWebhooks(seeded.db, { now, batchSize: 5 }), deliverDueWebhooks(second.db, { now, batchSize: 5 })]);
    } finally {
      receiver.delayMs = 0;
    }
    const ids = receiver.at("/busy").map((request) => request.headers["webhook-id"]);
    expect(ids).toHaveLength(12);
    expect(new Set(ids).size).toBe(12);
    expect(await seeded.db.webhookDelivery.count({ where: { endpointId: busy.id, status: "delivered", attempts: 1 } })).toBe(12);
  });

  it("gives up a delivery whose endpoint was switched off before it went, and says why", async () => {
    const off = await endpoint("/switched-off", { events: ["request.created"] });
    await newRequest();
    await seeded.db.webhookEndpoint.update({ where: { id: off.id }, data: { enabled: false } });
    await deliverDueWebhooks(seeded.db, { now: new Date() });
    expect(await deliveriesTo(off.id)).toMatchObject([{ status: "failed", attempts: 0, lastError: "The endpoint is disabled." }]);
    expect(receiver.at("/switched-off")).toHaveLength(0);
  });
});

describe("where webhooks may go", () => {
  it("knows private, loopback, link-local and mapped addresses from public ones", () => {
    for (const address of ["127.0.0.1", "10.1.2.3", "172.20.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "::1", "::", "fd00::1", "fe80::1", "::ffff:127.0.0.1", "not an address"])
      expect(isPrivateAddress(address), address).toBe(true);
    for (const address of ["93.184.216.34", "8.8.8.8", "2606:4700::1111", "::ffff:8.8.8.8"]) expect(isPrivateAddress(address), address).toBe(false);
  });

  it("refuses a private address unless WEBHOOK_ALLOW_PRIVATE_NETWORKS is true — by address or by a name that resolves to one — and logs why", async () => {
    const guarded = await endpoint("/guarded", { events: ["request.created"] });
    const byName = await endpoint("/by-name", { events: ["request.created"], url: receiver.url("/by-name").replace("127.0.0.1", "localhost") });
    await newRequest();
    process.env.WEBHOOK_ALLOW_PRIVATE_NETWORKS = "false";
    try {
      await deliverDueWebhooks(seeded.db, { now: new Date() });
    } finally {
      process.env.WEBHOOK_ALLOW_PRIVATE_NETWORKS = "true";
    }
    for (const target of [guarded, byName]) {
      const [row] = await deliveriesTo(target.id);
      expect(row).toMatchObject({ status: "queued", attempts: 1, lastStatusCode: null });
      expect(row!.lastError).toMatch(/private or local address/);
    }
    expect(receiver.at("/guarded")).toHaveLength(0);
    expect(receiver.at("/by-name")).toHaveLength(0);
  });

  it("the guarded client posts, reads the answer and refuses nothing else (its address test narrowed to reach this receiver)", async () => {
    const send = webhookFetch(false, (address) => address !== "127.0.0.1" && address !== "::1");
    const answer = await send(receiver.url("/guarded-client").replace("127.0.0.1", "localhost"), { method: "POST", headers: { "content-type": "application/json" }, body: '{"hello":"world"}' });
    expect(answer.status).toBe(200);
    expect(receiver.at("/guarded-client").map((request) => request.body)).toEqual(['{"hello":"world"}']);
  });
});
