import { describe, expect, it } from "vitest";
import { MAX_SAVED_REPLY_TITLE_LENGTH } from "@/domain/saved-replies";
import { MAX_REPLY_LENGTH } from "@/schemas/request-reply";
import { createSavedReply, deleteSavedReply, listSavedReplies, updateSavedReply } from "@/server/saved-replies/saved-replies";
import { prepareSeededDatabase } from "../setup/seeded-database";
import { viewerFor as viewerOf } from "../setup/viewers";

// Saved replies (docs/product.md §8) on a real database: agents create, edit and delete them; a
// customer is answered as if they did not exist, and nothing changes.

const seeded = prepareSeededDatabase();
const viewerFor = (email: string) => viewerOf(seeded.db, email, seeded.now);
const NOT_FOUND = { ok: false, reason: "not_found" };

describe("saved replies", () => {
  it("an agent creates, lists, edits and deletes a saved reply; another agent sees and edits the same one", async () => {
    const agent = await viewerFor("agent@portico.test");
    const created = await createSavedReply(seeded.db, agent, {
      title: "  Password reset  ",
      body: "Hi {{requester.name}}, about #{{request.number}}…",
    });
    if (!created.ok) throw new Error(JSON.stringify(created));
    expect(created.savedReply).toMatchObject({
      title: "Password reset",
      body: "Hi {{requester.name}}, about #{{request.number}}…",
    });
    const row = await seeded.db.savedReply.findUniqueOrThrow({
      where: { id: created.savedReply.id },
    });
    expect(row.createdById).toBe(agent.actor.userId);

    const listed = await listSavedReplies(seeded.db, agent, {});
    expect(listed.ok && listed.savedReplies.map((reply) => reply.id)).toContain(created.savedReply.id);

    const other = await seeded.db.user.findFirstOrThrow({
      where: { isAgent: true, id: { not: agent.actor.userId } },
      select: { email: true, id: true },
    });
    const otherAgent = await viewerFor(other.email);
    const edited = await updateSavedReply(seeded.db, otherAgent, {
      savedReplyId: created.savedReply.id,
      title: "Password reset (SSO)",
      body: "New text",
    });
    expect(edited).toMatchObject({
      ok: true,
      savedReply: { title: "Password reset (SSO)", body: "New text" },
    });
    expect(
      await seeded.db.savedReply.findUniqueOrThrow({
        where: { id: created.savedReply.id },
      }),
    ).toMatchObject({ updatedById: other.id, createdById: agent.actor.userId });

    expect(
      await deleteSavedReply(seeded.db, agent, {
        savedReplyId: created.savedReply.id,
      }),
    ).toEqual({ ok: true });
    expect(
      await seeded.db.savedReply.findUnique({
        where: { id: created.savedReply.id },
      }),
    ).toBeNull();
    // Gone: editing or deleting it again is "not found".
    expect(
      await deleteSavedReply(seeded.db, agent, {
        savedReplyId: created.savedReply.id,
      }),
    ).toEqual(NOT_FOUND);
    expect(
      await updateSavedReply(seeded.db, agent, {
        savedReplyId: created.savedReply.id,
        title: "x",
        body: "y",
      }),
    ).toEqual(NOT_FOUND);
  });

  it("refuses an empty or too long title or body, and saves nothing", async () => {
    const agent = await viewerFor("agent@portico.test");
    const before = await seeded.db.savedReply.count();
    expect(await createSavedReply(seeded.db, agent, { title: "   ", body: "" })).toEqual({
      ok: false,
      reason: "invalid",
      fieldErrors: { title: "required", body: "required" },
    });
    expect(
      await createSavedReply(seeded.db, agent, {
        title: "t".repeat(MAX_SAVED_REPLY_TITLE_LENGTH + 1),
        body: "b".repeat(MAX_REPLY_LENGTH + 1),
      }),
    ).toEqual({
      ok: false,
      reason: "invalid",
      fieldErrors: { title: "too_long", body: "too_long" },
    });
    expect(
      await createSavedReply(seeded.db, agent, {
        title: "t".repeat(MAX_SAVED_REPLY_TITLE_LENGTH),
        body: "b",
      }),
    ).toMatchObject({ ok: true });
    expect(await seeded.db.savedReply.count()).toBe(before + 1);
  });

  it("a customer can neither list, create, edit nor delete saved replies: they do not exist for her", async () => {
    const agent = await viewerFor("agent@portico.test");
    const created = await createSavedReply(seeded.db, agent, {
      title: "Kept",
      body: "Kept text",
    });
    if (!created.ok) throw new Error(JSON.stringify(created));
    const before = await seeded.db.savedReply.findMany({
      orderBy: { id: "asc" },
    });

    const customer = await viewerFor("gina@globex.test");
    expect(customer.actor.isAgent).toBe(false);
    expect(await listSavedReplies(seeded.db, customer, {})).toEqual(NOT_FOUND);
    expect(
      await createSavedReply(seeded.db, customer, {
        title: "Mine",
        body: "Mine",
      }),
    ).toEqual(NOT_FOUND);
    expect(
      await updateSavedReply(seeded.db, customer, {
        savedReplyId: created.savedReply.id,
        title: "Changed",
        body: "Changed",
      }),
    ).toEqual(NOT_FOUND);
    expect(
      await deleteSavedReply(seeded.db, customer, {
        savedReplyId: created.savedReply.id,
      }),
    ).toEqual(NOT_FOUND);

    expect(await seeded.db.savedReply.findMany({ orderBy: { id: "asc" } })).toEqual(before);
  });
});
