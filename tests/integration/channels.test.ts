import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { CHANNELS, type Channel } from "@/domain";
import { createRequest } from "@/server/requests/create-request";
import { getRequestPage } from "@/server/requests/get-request-page";
import { replyAsAgent } from "@/server/requests/reply-as-agent";
import { replyToRequest } from "@/server/requests/reply-to-request";
import { prepareSeededDatabase } from "../setup/seeded-database";
import { viewerFor } from "../setup/viewers";

// The channel is data: whichever entry point resolved the viewer says how they reached us (the
// portal, email, a chat, the API), the use cases record it on what they write, and the domain
// applies the same rules to every channel (docs/product.md §5, §7).

const seeded = prepareSeededDatabase();
const later = (minutes: number) => new Date(seeded.now.getTime() + minutes * 60_000);

/** A Solved, unmerged request of alice's that no other test of this file uses. */
const used = new Set<number>();
async function alicesSolvedRequest(): Promise<number> {
  const row = await seeded.db.request.findFirstOrThrow({
    where: { requester: { email: "alice@acme.test" }, status: "solved", mergedIntoId: null, mergedFrom: { none: {} }, id: { notIn: [...used] } },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  used.add(row.id);
  return row.id;
}

describe("channels", () => {
  it.each(CHANNELS)("a customer's reply by %s is recorded as such and reopens a Solved request by that channel", async (channel: Channel) => {
    const requestId = await alicesSolvedRequest();
    const at = later(CHANNELS.indexOf(channel) + 1);
    const result = await replyToRequest(seeded.db, await viewerFor(seeded.db, "alice@acme.test", at, channel), { requestId, body: `Still broken (${channel}).`, submissionKey: randomUUID() });
    expect(result).toMatchObject({ ok: true, reopened: true });
    if (!result.ok) return;

    expect(await seeded.db.comment.findUniqueOrThrow({ where: { id: result.commentId }, select: { channel: true } })).toEqual({ channel });
    const reopened = await seeded.db.requestEvent.findFirstOrThrow({ where: { requestId, type: "reopened", commentId: result.commentId }, select: { data: true } });
    expect(reopened.data).toEqual({ via: channel });
    const page = await getRequestPage(seeded.db, await viewerFor(seeded.db, "alice@acme.test", at), { requestId });
    expect(page.ok && page.page.thread.find((entry) => entry.id === result.commentId)).toMatchObject({ kind: "comment", channel, reopened: true });
  });

  it("a request opened through the API comes in Open, by the API", async () => {
    const result = await createRequest(seeded.db, await viewerFor(seeded.db, "dave@acme.test", later(10), "api"), {
      subject: "Opened from our own tool",
      description: "Filed by our monitoring.",
      priority: "S3",
      ccUserIds: [],
      submissionKey: randomUUID(),
    });
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(await seeded.db.request.findUniqueOrThrow({ where: { id: result.id }, select: { channel: true, status: true } })).toEqual({ channel: "api", status: "open" });
    const created = await seeded.db.requestEvent.findFirstOrThrow({ where: { requestId: result.id, type: "created" }, select: { data: true } });
    expect(created.data).toEqual({ channel: "api" });
  });

  it("an agent's answer by email is recorded as sent by email, and the workflow is the same", async () => {
    const request = await seeded.db.request.findFirstOrThrow({ where: { status: "open", mergedIntoId: null }, select: { id: true } });
    const at = later(20);
    expect(await replyAsAgent(seeded.db, await viewerFor(seeded.db, "agent@portico.test", at, "email"), { requestId: request.id, body: "Answered from my mail client.", submissionKey: randomUUID() })).toEqual({ ok: true });
    expect(await seeded.db.comment.findFirstOrThrow({ where: { requestId: request.id, createdAt: at }, select: { channel: true } })).toEqual({ channel: "email" });
    expect(await seeded.db.request.findUniqueOrThrow({ where: { id: request.id }, select: { status: true } })).toEqual({ status: "pending" });
  });
});
