import { describe, expect, it } from "vitest";
import { runAutomation } from "@/server/automation/run-automation";
import { getAgentRequestPage } from "@/server/requests/get-agent-request-page";
import { replyAsAgent } from "@/server/requests/reply-as-agent";
import { sendReminder } from "@/server/requests/send-reminder";
import { createSavedReply } from "@/server/saved-replies/saved-replies";
import { newSubmissionKey } from "@/server/submissions";
import { prepareSeededDatabase } from "../setup/seeded-database";
import { viewerFor as viewerOf } from "../setup/viewers";

// The agent's request page (docs/product.md §8) on a real database: the requester's email, saved
// replies filled for the request, and the automation's reminders told from an agent's.

const seeded = prepareSeededDatabase();
const viewerFor = (email: string) => viewerOf(seeded.db, email, seeded.now);

async function pageOf(requestId: number) {
  const outcome = await getAgentRequestPage(seeded.db, await viewerFor("agent@portico.test"), { requestId });
  if (!outcome.ok) throw new Error(`no page for ${requestId}`);
  return outcome.page;
}

describe("the agent request page", () => {
  it("gives the requester's email and the saved replies with this request's placeholders filled", async () => {
    const agent = await viewerFor("agent@portico.test");
    const created = await createSavedReply(seeded.db, agent, { title: "Greeting", body: "Hi {{requester.name}} (#{{request.number}}), {{unknown.thing}}" });
    if (!created.ok) throw new Error("not created");
    const request = await seeded.db.request.findFirstOrThrow({
      where: { mergedIntoId: null },
      select: { id: true, requester: { select: { name: true, email: true } } },
      orderBy: { id: "asc" },
    });
    const page = await pageOf(request.id);
    expect(page.requesterEmail).toBe(request.requester.email);
    expect(page.savedReplies).toContainEqual({ id: created.savedReply.id, title: "Greeting", body: `Hi ${request.requester.name} (#${request.id}), {{unknown.thing}}` });
  });

  it("marks the automation's reminders as automatic, and an agent's reminder as the agent's", async () => {
    // The demo has Pending requests due for a reminder: the automation's pass sends them.
    await runAutomation(seeded.db, { now: seeded.now });
    const automatic = await seeded.db.requestEvent.findFirst({
      where: { type: "reminder_sent", actorId: null, commentId: { not: null } },
      select: { requestId: true, commentId: true },
    });
    if (!automatic) throw new Error("the automation sent no reminder");
    const page = await pageOf(automatic.requestId);
    expect(page.request.thread.find((entry) => entry.id === automatic.commentId)).toMatchObject({ kind: "comment", automaticReminder: true });
    expect(page.request.thread.filter((entry) => entry.kind === "comment" && entry.automaticReminder)).not.toHaveLength(0);

    // An agent's own reminder on a Pending request stays theirs.
    const agent = await viewerFor("agent@portico.test");
    const open = await seeded.db.request.findFirstOrThrow({ where: { status: "open", mergedIntoId: null }, select: { id: true }, orderBy: { id: "desc" } });
    expect(await replyAsAgent(seeded.db, agent, { requestId: open.id, body: "Which report?", submissionKey: newSubmissionKey() })).toMatchObject({ ok: true });
    const sent = await sendReminder(seeded.db, agent, { requestId: open.id, body: "A gentle reminder.", submissionKey: newSubmissionKey() });
    expect(sent).toMatchObject({ ok: true });
    const after = await pageOf(open.id);
    const own = after.request.thread.find((entry) => entry.kind === "comment" && entry.body === "A gentle reminder.");
    expect(own).toMatchObject({ automaticReminder: false, author: { id: agent.actor.userId } });
  });
});
