import "server-only";
import { themeChoiceSchema } from "@/schemas/theme";
import type { ThemeChoice } from "@/schemas/theme-choices";
import type { Database } from "@/server/db/client";
import type { Outcome } from "@/server/outcome";
import type { Reader } from "@/server/people/viewer";
import { defineUseCase } from "@/server/use-case";

/**
 * A signed-in person chooses light, dark, or the system's setting (stored as no theme); it follows
 * them to every browser, and the server paints pages in it from the first byte.
 */
export const updateTheme = defineUseCase({
  input: themeChoiceSchema,
  run: async (db: Database, viewer: Reader, { theme }): Promise<Outcome<{ theme: ThemeChoice }>> => {
    await db.user.update({ where: { id: viewer.actor.userId }, data: { theme: theme === "system" ? null : theme }, select: { id: true } });
    return { ok: true, theme };
  },
});
