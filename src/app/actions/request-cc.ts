"use server";

import { requestPages } from "@/app/actions/request-pages";
import { viewerAction } from "@/server/entry/actions";
import { addRequestCc } from "@/server/requests/add-request-cc";
import { removeRequestCc } from "@/server/requests/remove-request-cc";

// Adding and removing CCs, from the portal's request page (the requester) and the agent console's
// (agents). The use cases decide who may: the domain's `manage_ccs`.

export const addCcAction = viewerAction(addRequestCc, { messages: { namespace: "request.cc" }, done: () => "added", revalidate: requestPages });

export const removeCcAction = viewerAction(removeRequestCc, { messages: { namespace: "request.cc.removal" }, revalidate: requestPages });
