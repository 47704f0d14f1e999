import "server-only";
import { localeChoiceSchema } from "@/schemas/locale";
import type { Database } from "@/server/db/client";
import type { Outcome } from "@/server/outcome";
import type { Reader } from "@/server/people/viewer";
import { defineUseCase } from "@/server/use-case";

/** A signed-in person saves the language they chose; it follows them to every browser. */
export const updateLocale = defineUseCase({
  input: localeChoiceSchema,
  run: async (db: Database, viewer: Reader, { locale }): Promise<Outcome<{ locale: typeof locale }>> => {
    await db.user.update({ where: { id: viewer.actor.userId }, data: { locale }, select: { id: true } });
    return { ok: true, locale };
  },
});
