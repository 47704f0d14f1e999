"use server";

import { setAccountStatus } from "@/server/accounts/set-account-status";
import { agentAction } from "@/server/entry/actions";
import { PEOPLE_PATH } from "@/ui/accounts/people-href";

// The People list's row form: for agents only (anyone else gets the same "not found" as an account
// that does not exist); the use case decides again, and its answer shows beside the row.

export const accountStatusAction = agentAction(setAccountStatus, {
  messages: { namespace: "agentPeople" },
  done: ({ changed, disabled }) => `done.${disabled ? "disabled" : "enabled"}${changed ? "" : "Already"}`,
  revalidate: () => [PEOPLE_PATH],
});
