import "server-only";
import { createSavedReplySchema, deleteSavedReplySchema, listSavedRepliesSchema, savedReplyIdSchema, updateSavedReplySchema } from "@/schemas/saved-replies";
import type { Database } from "@/server/db/client";
import { notFound } from "@/server/outcome";
import type { Reader } from "@/server/people/viewer";
import { defineUseCase } from "@/server/use-case";

// Saved replies (docs/product.md §8): shared by every agent, who each may create, edit and delete
// them. Only agents: for anyone else they do not exist (the same "not found" as a missing one).

export interface SavedReply {
  id: string;
  title: string;
  body: string;
  updatedAt: Date;
}

const select = { id: true, title: true, body: true, updatedAt: true } as const;

export const listSavedReplies = defineUseCase({
  input: listSavedRepliesSchema,
  run: async (db: Database, viewer: Reader) => {
    if (!viewer.actor.isAgent) return notFound();
    const savedReplies: SavedReply[] = await db.savedReply.findMany({
      select,
      orderBy: [{ title: "asc" }, { id: "asc" }],
    });
    return { ok: true, savedReplies };
  },
});

export const getSavedReply = defineUseCase({
  input: savedReplyIdSchema,
  identifies: ["savedReplyId"],
  run: async (db: Database, viewer: Reader, { savedReplyId }) => {
    if (!viewer.actor.isAgent) return notFound();
    const savedReply: SavedReply | null = await db.savedReply.findUnique({
      where: { id: savedReplyId },
      select,
    });
    return savedReply ? { ok: true, savedReply } : notFound();
  },
});

export const createSavedReply = defineUseCase({
  input: createSavedReplySchema,
  run: async (db: Database, viewer: Reader, { title, body }) => {
    if (!viewer.actor.isAgent) return notFound();
    const savedReply: SavedReply = await db.savedReply.create({
      data: {
        title,
        body,
        createdById: viewer.actor.userId,
        createdAt: viewer.now,
      },
      select,
    });
    return { ok: true, savedReply };
  },
});

export const updateSavedReply = defineUseCase({
  input: updateSavedReplySchema,
  identifies: ["savedReplyId"],
  run: async (db: Database, viewer: Reader, { savedReplyId, title, body }) => {
    if (!viewer.actor.isAgent) return notFound();
    // updateMany: one that another agent deleted meanwhile is simply not found.
    const { count } = await db.savedReply.updateMany({
      where: { id: savedReplyId },
      data: { title, body, updatedById: viewer.actor.userId },
    });
    if (count === 0) return notFound();
    return {
      ok: true,
      savedReply: await db.savedReply.findUniqueOrThrow({
        where: { id: savedReplyId },
        select,
      }),
    };
  },
});

export const deleteSavedReply = defineUseCase({
  input: deleteSavedReplySchema,
  identifies: ["savedReplyId"],
  run: async (db: Database, viewer: Reader, { savedReplyId }) => {
    if (!viewer.actor.isAgent) return notFound();
    const { count } = await db.savedReply.deleteMany({
      where: { id: savedReplyId },
    });
    return count === 0 ? notFound() : { ok: true as const };
  },
});
