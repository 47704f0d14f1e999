import { describe, expect, it } from "vitest";
import { endpointReceives, webhookEventsOf, type WebhookEventPlan } from "./webhook-events";

const change = { created: false, comment: null, internal: false } as const;

describe("webhookEventsOf", () => {
  it("makes a new request request.created alone", () => {
    expect(webhookEventsOf({ ...change, created: true })).toEqual([{ type: "request.created", internal: false }]);
  });

  it("makes a public comment message.created and request.updated", () => {
    expect(webhookEventsOf({ ...change, comment: "public" })).toEqual([
      { type: "message.created", internal: false },
      { type: "request.updated", internal: false },
    ]);
  });

  it("makes an internal note an internal message.created and nothing else", () => {
    expect(webhookEventsOf({ ...change, comment: "internal" })).toEqual([{ type: "message.created", internal: true }]);
  });

  it("trusts the comment's own visibility over the change's flag", () => {
    expect(webhookEventsOf({ ...change, comment: "public", internal: true }).map((event) => event.type)).toEqual(["message.created", "request.updated"]);
  });

  it("makes any other change request.updated, and an internal one nothing", () => {
    expect(webhookEventsOf(change)).toEqual([{ type: "request.updated", internal: false }]);
    expect(webhookEventsOf({ ...change, internal: true })).toEqual([]);
  });
});

describe("endpointReceives", () => {
  const publicMessage: WebhookEventPlan = {
    type: "message.created",
    internal: false,
  };
  const internalNote: WebhookEventPlan = {
    type: "message.created",
    internal: true,
  };

  it("sends only the events an endpoint subscribed to", () => {
    expect(endpointReceives({ events: ["message.created"], internal: false }, publicMessage)).toBe(true);
    expect(endpointReceives({ events: ["request.updated"], internal: false }, publicMessage)).toBe(false);
  });

  it("sends internal notes only to endpoints marked internal", () => {
    expect(endpointReceives({ events: ["message.created"], internal: false }, internalNote)).toBe(false);
    expect(endpointReceives({ events: ["message.created"], internal: true }, internalNote)).toBe(true);
  });
});
