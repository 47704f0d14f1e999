import "server-only";
import { accountChangeSchema } from "@/schemas/accounts";
import type { Database } from "@/server/db/client";
import { recordAudit } from "@/server/security/audit";
import { UNKNOWN_CLIENT } from "@/server/security/client";
import { endSessionsOf } from "@/server/security/sessions";
import { defineUseCase } from "@/server/use-case";
import { changeAccount, type AccountChanger } from "./account-change";

// An agent disables a person's account (docs/product.md §8): from that moment every session of
// theirs has ended — each browser they are signed in on is signed out on its next request — and they
// can no longer sign in. Disabling a disabled account changes nothing and records nothing.

export const disableAccount = defineUseCase({
  input: accountChangeSchema,
  identifies: ["accountId"],
  run: (db: Database, viewer: AccountChanger, { accountId }) =>
    changeAccount(db, viewer, accountId, true, async (tx) => {
      const { actor, now } = viewer;
      // Only the change that finds the account enabled goes on: two agents at once disable it once.
      const { count } = await tx.user.updateMany({ where: { id: accountId, disabledAt: null }, data: { disabledAt: now } });
      if (count === 0) return null;
      const sessionsEnded = await endSessionsOf(tx, accountId, "account_disabled", now);
      const client = viewer.client ?? UNKNOWN_CLIENT;
      await recordAudit(tx, { type: "account_disabled", actorId: actor.userId, subjectId: accountId, client, detail: { sessionsEnded } }, now);
      return { changed: true, sessionsEnded };
    }),
});
