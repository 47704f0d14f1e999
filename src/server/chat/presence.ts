import "server-only";
import { chatPresenceSince } from "@/domain";
import { chatAvailabilitySchema } from "@/schemas/chat";
import type { Database } from "@/server/db/client";
import { notFound, type Outcome } from "@/server/outcome";
import type { Viewer } from "@/server/people/viewer";
import { defineUseCase } from "@/server/use-case";

// An agent's chat availability (src/domain/chat.ts): the switch in the console header, and the beat
// the console sends while it is open, so an agent who closed the console stops counting within a minute.

/** Available or Away, from the console header's switch; it counts as a beat too. */
export const setChatAvailability = defineUseCase({
  input: chatAvailabilitySchema,
  run: async (db: Database, viewer: Viewer, { available }): Promise<Outcome<{ available: boolean }>> => {
    if (!viewer.actor.isAgent) return notFound();
    const on = available === "available";
    await db.user.update({ where: { id: viewer.actor.userId }, data: { chatAvailable: on, chatSeenAt: viewer.now }, select: { id: true } });
    return { ok: true, available: on };
  },
});

/** The open console says "still here"; answers whether the agent is Available. */
export async function beatChatPresence(db: Database, viewer: Viewer): Promise<Outcome<{ available: boolean }>> {
  if (!viewer.actor.isAgent) return notFound();
  const { count } = await db.user.updateMany({ where: { id: viewer.actor.userId, chatAvailable: true }, data: { chatSeenAt: viewer.now } });
  return { ok: true, available: count > 0 };
}

const availableWhere = (now: Date) => ({ isAgent: true, disabledAt: null, chatAvailable: true, chatSeenAt: { gte: chatPresenceSince(now) } });

export async function anyAgentAvailable(db: Database, now: Date): Promise<boolean> {
  return (await db.user.findFirst({ where: availableWhere(now), select: { id: true } })) !== null;
}

/** The agents a chat can go to now, by name. */
export async function availableAgents(db: Database, now: Date): Promise<Array<{ id: string; name: string }>> {
  return db.user.findMany({ where: availableWhere(now), select: { id: true, name: true }, orderBy: [{ name: "asc" }, { id: "asc" }] });
}

/** The switch's position for the console header (Available even when the beat lapsed: the console resumes it). */
export async function chatAvailabilityOf(db: Database, viewer: Viewer): Promise<boolean> {
  if (!viewer.actor.isAgent) return false;
  return (await db.user.findUnique({ where: { id: viewer.actor.userId }, select: { chatAvailable: true } }))?.chatAvailable ?? false;
}
