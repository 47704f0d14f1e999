import "server-only";
import { timeZoneChoiceSchema } from "@/schemas/time-zone";
import type { Database } from "@/server/db/client";
import type { Outcome } from "@/server/outcome";
import type { Reader } from "@/server/people/viewer";
import { defineUseCase } from "@/server/use-case";

// Each person reads every date in their own time zone (docs/product.md §8): the one they choose on
// their profile page, or else the one their browser reported the first time they signed in.

/** The zone saved for the person, or null when they have none yet. */
export async function getTimeZone(db: Database, viewer: Reader): Promise<Outcome<{ timeZone: string | null }>> {
  const user = await db.user.findUnique({ where: { id: viewer.actor.userId }, select: { timeZone: true } });
  return user ? { ok: true, timeZone: user.timeZone } : { ok: false, reason: "not_found" };
}

/** A signed-in person chooses their time zone on the profile page. */
export const updateTimeZone = defineUseCase({
  input: timeZoneChoiceSchema,
  run: async (db: Database, viewer: Reader, { timeZone }): Promise<Outcome<{ timeZone: string }>> => {
    await db.user.update({ where: { id: viewer.actor.userId }, data: { timeZone }, select: { id: true } });
    return { ok: true, timeZone };
  },
});

/**
 * The browser's zone becomes the person's while they have none; a zone they chose (or one saved
 * earlier) is never replaced, so a trip abroad does not move their dates behind their back.
 */
export const adoptBrowserTimeZone = defineUseCase({
  input: timeZoneChoiceSchema,
  run: async (db: Database, viewer: Reader, { timeZone }): Promise<Outcome<{ adopted: boolean }>> => {
    const { count } = await db.user.updateMany({ where: { id: viewer.actor.userId, timeZone: null }, data: { timeZone } });
    return { ok: true, adopted: count > 0 };
  },
});
