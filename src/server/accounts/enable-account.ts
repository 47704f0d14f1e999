import "server-only";
import { accountChangeSchema } from "@/schemas/accounts";
import type { Database } from "@/server/db/client";
import { recordAudit } from "@/server/security/audit";
import { UNKNOWN_CLIENT } from "@/server/security/client";
import { defineUseCase } from "@/server/use-case";
import { changeAccount, type AccountChanger } from "./account-change";

// An agent enables a disabled account again (docs/product.md §8): the person can sign in again. The
// sessions that ended with the disabling stay ended; they sign in afresh.

export const enableAccount = defineUseCase({
  input: accountChangeSchema,
  identifies: ["accountId"],
  run: (db: Database, viewer: AccountChanger, { accountId }) =>
    changeAccount(db, viewer, accountId, false, async (tx) => {
      const { actor, now } = viewer;
      const disabled = await tx.user.findUnique({ where: { id: accountId }, select: { disabledAt: true } });
      if (!disabled?.disabledAt) return null;
      const { count } = await tx.user.updateMany({ where: { id: accountId, disabledAt: { not: null } }, data: { disabledAt: null } });
      if (count === 0) return null;
      const client = viewer.client ?? UNKNOWN_CLIENT;
      await recordAudit(tx, { type: "account_enabled", actorId: actor.userId, subjectId: accountId, client, detail: { disabledSince: disabled.disabledAt.toISOString() } }, now);
      return { changed: true, sessionsEnded: 0 };
    }),
});
