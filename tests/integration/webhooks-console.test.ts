import { describe, expect, it } from "vitest";
import { CONSOLE_PAGE_SIZE } from "@/server/accounts/keyset";
import { getWebhookDelivery, listWebhookDeliveries, redeliverWebhook } from "@/server/webhooks/console/deliveries";
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  getWebhookEndpoint,
  listWebhookEndpoints,
  rotateWebhookSecret,
  setWebhookEndpointEnabled,
  updateWebhookEndpoint,
} from "@/server/webhooks/console/endpoints";
import { prepareSeededDatabase } from "../setup/seeded-database";
import { viewerFor as viewerOf } from "../setup/viewers";

// Webhook endpoints and their delivery log in the agent console (docs/webhooks.md), on a real
// database: agents manage endpoints, read deliveries and redeliver; anyone else is answered as if
// none existed, and nothing changes.

const seeded = prepareSeededDatabase();
const viewerFor = (email: string) => viewerOf(seeded.db, email, seeded.now);
const NOT_FOUND = { ok: false, reason: "not_found" };
const AGENT = "agent@portico.test";

async function newEndpoint(url = "https://hooks.example.test/portico") {
  const agent = await viewerFor(AGENT);
  const created = await createWebhookEndpoint(seeded.db, agent, { url, description: "CRM", events: ["request.created", "message.created"] });
  if (!created.ok) throw new Error(JSON.stringify(created));
  return created.endpointId;
}

describe("webhook endpoints in the console", () => {
  it("an agent creates, lists, edits, turns off, rotates the secret of and deletes an endpoint", async () => {
    const agent = await viewerFor(AGENT);
    const created = await createWebhookEndpoint(seeded.db, agent, {
      url: "  https://hooks.example.test/in?team=support  ",
      description: " Our CRM ",
      events: ["message.created", "request.created"],
      internal: "on",
    });
    if (!created.ok) throw new Error(JSON.stringify(created));
    const row = await seeded.db.webhookEndpoint.findUniqueOrThrow({ where: { id: created.endpointId } });
    expect(row).toMatchObject({
      url: "https://hooks.example.test/in?team=support",
      description: "Our CRM",
      // In the form's order, whatever order they came in.
      events: ["request.created", "message.created"],
      internal: true,
      enabled: true,
      createdById: agent.actor.userId,
    });
    expect(row.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);

    const listed = await listWebhookEndpoints(seeded.db, agent, {});
    expect(listed.ok && listed.endpoints.find((endpoint) => endpoint.id === created.endpointId)).toMatchObject({ recentFailures: 0, internal: true });

    const edited = await updateWebhookEndpoint(seeded.db, agent, {
      endpointId: created.endpointId,
      url: "http://10.0.0.5:8080/hook",
      description: "",
      events: "request.updated",
    });
    expect(edited).toEqual({ ok: true, endpointId: created.endpointId });
    expect(await seeded.db.webhookEndpoint.findUniqueOrThrow({ where: { id: created.endpointId } })).toMatchObject({
      url: "http://10.0.0.5:8080/hook",
      events: ["request.updated"],
      // An unticked checkbox is not sent at all.
      internal: false,
    });

    expect(await setWebhookEndpointEnabled(seeded.db, agent, { endpointId: created.endpointId, enabled: "false" })).toMatchObject({ ok: true, enabled: false });
    const shown = await getWebhookEndpoint(seeded.db, agent, { endpointId: created.endpointId });
    expect(shown).toMatchObject({ ok: true, endpoint: { enabled: false, secret: row.secret } });

    expect(await rotateWebhookSecret(seeded.db, agent, { endpointId: created.endpointId })).toMatchObject({ ok: true });
    const rotated = await seeded.db.webhookEndpoint.findUniqueOrThrow({ where: { id: created.endpointId } });
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(row.secret);

    expect(await deleteWebhookEndpoint(seeded.db, agent, { endpointId: created.endpointId })).toEqual({ ok: true });
    expect(await seeded.db.webhookEndpoint.findUnique({ where: { id: created.endpointId } })).toBeNull();
    expect(await deleteWebhookEndpoint(seeded.db, agent, { endpointId: created.endpointId })).toEqual(NOT_FOUND);
    expect(await getWebhookEndpoint(seeded.db, agent, { endpointId: created.endpointId })).toEqual(NOT_FOUND);

    // Each change is in the audit trail, with who made it and where the endpoint pointed.
    const audited = await seeded.db.auditEvent.findMany({ where: { type: "webhook_endpoint_changed", detail: { path: ["endpointId"], equals: created.endpointId } }, orderBy: { id: "asc" } });
    expect(audited.map((event) => [event.actorId, (event.detail as { webhookAction: string }).webhookAction, (event.detail as { url: string }).url])).toEqual([
      [agent.actor.userId, "created", "https://hooks.example.test/in?team=support"],
      [agent.actor.userId, "updated", "http://10.0.0.5:8080/hook"],
      [agent.actor.userId, "disabled", "http://10.0.0.5:8080/hook"],
      [agent.actor.userId, "secret_rotated", "http://10.0.0.5:8080/hook"],
      [agent.actor.userId, "deleted", "http://10.0.0.5:8080/hook"],
    ]);
  });

  it("is not there for customers and technical contacts, and they change nothing", async () => {
    const endpointId = await newEndpoint();
    const before = await seeded.db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpointId } });
    for (const email of ["alice@acme.test", "carol@acme.test", "gina@globex.test"]) {
      const customer = await viewerFor(email);
      expect(await listWebhookEndpoints(seeded.db, customer, {})).toEqual(NOT_FOUND);
      expect(await getWebhookEndpoint(seeded.db, customer, { endpointId })).toEqual(NOT_FOUND);
      expect(await createWebhookEndpoint(seeded.db, customer, { url: "https://evil.example.test/", events: ["request.created"] })).toEqual(NOT_FOUND);
      expect(await updateWebhookEndpoint(seeded.db, customer, { endpointId, url: "https://evil.example.test/", events: ["request.created"] })).toEqual(NOT_FOUND);
      expect(await setWebhookEndpointEnabled(seeded.db, customer, { endpointId, enabled: "false" })).toEqual(NOT_FOUND);
      expect(await rotateWebhookSecret(seeded.db, customer, { endpointId })).toEqual(NOT_FOUND);
      expect(await deleteWebhookEndpoint(seeded.db, customer, { endpointId })).toEqual(NOT_FOUND);
      expect(await listWebhookDeliveries(seeded.db, customer, { endpointId })).toEqual(NOT_FOUND);
    }
    expect(await seeded.db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpointId } })).toEqual(before);
    expect(await seeded.db.webhookEndpoint.count({ where: { url: "https://evil.example.test/" } })).toBe(0);
  });

  it("refuses a bad URL, a long description or no events, field by field, and saves nothing", async () => {
    const agent = await viewerFor(AGENT);
    const count = await seeded.db.webhookEndpoint.count();
    const fieldErrors = async (input: Record<string, unknown>) => {
      const outcome = await createWebhookEndpoint(seeded.db, agent, { url: "https://ok.example.test/", events: ["request.created"], ...input });
      return outcome.ok ? null : outcome.reason === "invalid" ? outcome.fieldErrors : outcome.reason;
    };
    expect(await fieldErrors({ url: "ftp://files.example.test/" })).toEqual({ url: "invalid_url" });
    expect(await fieldErrors({ url: "javascript:alert(1)" })).toEqual({ url: "invalid_url" });
    expect(await fieldErrors({ url: "not a url" })).toEqual({ url: "invalid_url" });
    expect(await fieldErrors({ url: "https://user:secret@hooks.example.test/" })).toEqual({ url: "credentials_in_url" });
    expect(await fieldErrors({ url: `https://hooks.example.test/${"a".repeat(2000)}` })).toEqual({ url: "too_long" });
    expect(await fieldErrors({ url: "" })).toEqual({ url: "required" });
    expect(await fieldErrors({ description: "d".repeat(201) })).toEqual({ description: "too_long" });
    expect(await fieldErrors({ events: undefined })).toEqual({ events: "no_events" });
    expect(await fieldErrors({ events: [] })).toEqual({ events: "no_events" });
    expect(await fieldErrors({ events: ["request.deleted"] })).toEqual({ events: "invalid" });
    expect(await seeded.db.webhookEndpoint.count()).toBe(count);
    // An edit with bad input changes nothing either, and an id that cannot be one is not found.
    const endpointId = await newEndpoint();
    expect(await updateWebhookEndpoint(seeded.db, agent, { endpointId, url: "https://a:b@x.example.test/", events: [] })).toMatchObject({
      reason: "invalid",
      fieldErrors: { url: "credentials_in_url", events: "no_events" },
    });
    expect(await seeded.db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpointId } })).toMatchObject({ url: "https://hooks.example.test/portico" });
    expect(await getWebhookEndpoint(seeded.db, agent, { endpointId: "../x" })).toEqual(NOT_FOUND);
  });
});

describe("the delivery log", () => {
  it("shows a delivery with its attempts, and Redeliver queues a new row with the same message id and payload", async () => {
    const agent = await viewerFor(AGENT);
    const endpointId = await newEndpoint();
    const payload = { type: "request.created", data: { request: { id: 1001, subject: "<b>Printer</b>" } } };
    const failed = await seeded.db.webhookDelivery.create({
      data: {
        endpointId,
        messageId: "msg_test_1",
        event: "request.created",
        requestId: 1001,
        payload,
        status: "failed",
        attempts: 2,
        lastStatusCode: 500,
        lastError: "HTTP 500",
        createdAt: new Date(seeded.now.getTime() - 60_000),
        attemptLog: {
          create: [
            { number: 2, at: seeded.now, statusCode: 500, responseBody: "<h1>oops</h1>", durationMs: 41 },
            { number: 1, at: new Date(seeded.now.getTime() - 30_000), error: "connect ECONNREFUSED", durationMs: 3 },
          ],
        },
      },
    });

    const shown = await getWebhookDelivery(seeded.db, agent, { endpointId, deliveryId: failed.id });
    if (!shown.ok) throw new Error(JSON.stringify(shown));
    expect(shown.delivery.attemptLog.map((attempt) => [attempt.number, attempt.statusCode, attempt.error])).toEqual([
      [1, null, "connect ECONNREFUSED"],
      [2, 500, null],
    ]);
    expect(JSON.parse(shown.delivery.payload)).toEqual(payload);
    expect(shown.delivery.payload).toContain("\n  ");
    // Only under its own endpoint.
    const otherEndpoint = await newEndpoint("https://other.example.test/");
    expect(await getWebhookDelivery(seeded.db, agent, { endpointId: otherEndpoint, deliveryId: failed.id })).toEqual(NOT_FOUND);
    expect(await redeliverWebhook(seeded.db, agent, { endpointId: otherEndpoint, deliveryId: failed.id })).toEqual(NOT_FOUND);
    expect(await getWebhookDelivery(seeded.db, await viewerFor("alice@acme.test"), { endpointId, deliveryId: failed.id })).toEqual(NOT_FOUND);
    expect(await redeliverWebhook(seeded.db, await viewerFor("alice@acme.test"), { endpointId, deliveryId: failed.id })).toEqual(NOT_FOUND);

    const redelivered = await redeliverWebhook(seeded.db, agent, { endpointId, deliveryId: failed.id });
    if (!redelivered.ok) throw new Error(JSON.stringify(redelivered));
    expect(redelivered.deliveryId).not.toBe(failed.id);
    const copy = await seeded.db.webhookDelivery.findUniqueOrThrow({ where: { id: redelivered.deliveryId }, include: { attemptLog: true } });
    expect(copy).toMatchObject({ endpointId, messageId: "msg_test_1", event: "request.created", requestId: 1001, payload, status: "queued", attempts: 0, lastStatusCode: null });
    expect(copy.attemptLog).toEqual([]);
    // The original stays as it was, in the log below the new one.
    expect(await seeded.db.webhookDelivery.findUniqueOrThrow({ where: { id: failed.id } })).toMatchObject({ status: "failed", attempts: 2 });
    const log = await listWebhookDeliveries(seeded.db, agent, { endpointId });
    expect(log.ok && log.page.deliveries.map((delivery) => [delivery.id, delivery.status])).toEqual([
      [redelivered.deliveryId, "queued"],
      [failed.id, "failed"],
    ]);

    // Not to an endpoint that is off; the failures count on the list.
    await setWebhookEndpointEnabled(seeded.db, agent, { endpointId, enabled: "false" });
    expect(await redeliverWebhook(seeded.db, agent, { endpointId, deliveryId: failed.id })).toMatchObject({ ok: false, reason: "refused", refusal: { code: "endpoint_disabled" } });
    const listed = await listWebhookEndpoints(seeded.db, agent, {});
    expect(listed.ok && listed.endpoints.find((endpoint) => endpoint.id === endpointId)?.recentFailures).toBe(1);
  });

  it("pages newest first by keyset, forwards and back", async () => {
    const agent = await viewerFor(AGENT);
    const endpointId = await newEndpoint("https://paged.example.test/");
    const total = CONSOLE_PAGE_SIZE + 5;
    // Some share an instant: the id breaks the tie.
    await seeded.db.webhookDelivery.createMany({
      data: Array.from({ length: total }, (_, index) => ({
        endpointId,
        messageId: `msg_page_${index}`,
        event: "request.updated",
        payload: { index },
        status: "delivered" as const,
        createdAt: new Date(seeded.now.getTime() - Math.floor(index / 3) * 1000),
      })),
    });
    const first = await listWebhookDeliveries(seeded.db, agent, { endpointId });
    if (!first.ok) throw new Error(JSON.stringify(first));
    expect(first.page.deliveries).toHaveLength(CONSOLE_PAGE_SIZE);
    expect(first.page.previousCursor).toBeNull();
    expect(first.page.nextCursor).not.toBeNull();
    const times = first.page.deliveries.map((delivery) => delivery.createdAt.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);

    const second = await listWebhookDeliveries(seeded.db, agent, { endpointId, after: first.page.nextCursor });
    if (!second.ok) throw new Error(JSON.stringify(second));
    expect(second.page.deliveries).toHaveLength(5);
    expect(second.page.nextCursor).toBeNull();
    const seen = new Set([...first.page.deliveries, ...second.page.deliveries].map((delivery) => delivery.id));
    expect(seen.size).toBe(total);

    const back = await listWebhookDeliveries(seeded.db, agent, { endpointId, before: second.page.previousCursor });
    expect(back.ok && back.page.deliveries.map((delivery) => delivery.id)).toEqual(first.page.deliveries.map((delivery) => delivery.id));
    // Another endpoint's log is its own; a malformed cursor reads from the start.
    const other = await listWebhookDeliveries(seeded.db, agent, { endpointId: await newEndpoint("https://empty.example.test/"), after: "garbage" });
    expect(other.ok && other.page.deliveries).toEqual([]);
  });
});
