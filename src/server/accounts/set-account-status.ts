import "server-only";
import { accountStatusChangeSchema } from "@/schemas/accounts";
import type { Database } from "@/server/db/client";
import { defineUseCase } from "@/server/use-case";
import type { AccountChanger } from "./account-change";
import { disableAccount } from "./disable-account";
import { enableAccount } from "./enable-account";

// The People list's form: one per row, which disables or enables the account as the row offers, so
// its answer stays beside the row when the row turns from one to the other.

export const setAccountStatus = defineUseCase({
  input: accountStatusChangeSchema,
  identifies: ["accountId"],
  run: (db: Database, viewer: AccountChanger, { accountId, change }) =>
    change === "disable" ? disableAccount.run(db, viewer, { accountId }) : enableAccount.run(db, viewer, { accountId }),
});
