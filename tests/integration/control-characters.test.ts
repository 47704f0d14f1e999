import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { addInternalNote } from "@/server/requests/add-internal-note";
import { createRequest } from "@/server/requests/create-request";
import { holdRequest } from "@/server/requests/hold-request";
import { listQueue } from "@/server/requests/list-queue";
import { listRequests } from "@/server/requests/list-requests";
import { reclassifyRequest } from "@/server/requests/reclassify-request";
import { replyToRequest } from "@/server/requests/reply-to-request";
import { solveRequest } from "@/server/requests/solve-request";
import { requestOrganizationAccess } from "@/server/organization-access/request-organization-access";
import { prepareSeededDatabase } from "../setup/seeded-database";
import { viewerFor } from "../setup/viewers";

// Text from outside may carry control characters — a NUL above all, which PostgreSQL's text cannot
// hold, so the query failed and the page answered 500 (and the user's reply was lost). Every use case
// takes them out of every text before validating it; tabs and line breaks stay.

const seeded = prepareSeededDatabase();
const NUL = "\u0000";
const noise = `${NUL}\u0001\u0007\u001b\u007f\u0085`;
const later = (minutes: number) => new Date(seeded.now.getTime() + minutes * 60_000);
const viewer = (email: string, minutes = 0) => viewerFor(seeded.db, email, later(minutes));

async function openRequestOf(email: string): Promise<number> {
  const row = await seeded.db.request.findFirstOrThrow({ where: { requester: { email }, status: { in: ["open", "pending"] }, mergedIntoId: null }, select: { id: true }, orderBy: { id: "desc" } });
  return row.id;
}

describe("control characters in what people send", () => {
  it("a reply keeps its text, tabs and line breaks, without the control characters", async () => {
    const requestId = await openRequestOf("alice@acme.test");
    const result = await replyToRequest(seeded.db, await viewer("alice@acme.test", 1), { requestId, body: `Line one${noise}\n\tindented${NUL}`, submissionKey: randomUUID() });
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    expect((await seeded.db.comment.findUniqueOrThrow({ where: { id: result.commentId } })).body).toBe("Line one\n\tindented");
  });

  it("a new request's subject and description", async () => {
    const result = await createRequest(seeded.db, await viewer("dave@acme.test", 2), { subject: `Export${NUL} fails`, description: `Steps:${noise}\r\n1. export`, priority: "S3", ccUserIds: [], submissionKey: randomUUID() });
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(await seeded.db.request.findUniqueOrThrow({ where: { id: result.id }, select: { subject: true, description: true } })).toEqual({ subject: "Export fails", description: "Steps:\n1. export" });
  });

  it("an agent's internal note, hold reason, reclassification reason and bug reference", async () => {
    const requestId = await openRequestOf("bob@acme.test");
    const agent = await viewer("agent@portico.test", 3);
    expect(await addInternalNote(seeded.db, agent, { requestId, body: `Note${NUL}`, submissionKey: randomUUID() })).toEqual({ ok: true });
    expect(await holdRequest(seeded.db, agent, { requestId, holdReason: "other", holdReasonText: `Waiting${NUL} on the vendor` })).toEqual({ ok: true });
    expect(await reclassifyRequest(seeded.db, agent, { requestId, priority: "S1", reason: `Outage${NUL}` })).toEqual({ ok: true });
    expect(await solveRequest(seeded.db, agent, { requestId, solvedReason: "bug_reported", bugReference: `ENG-${NUL}7`, bugPriority: "S2", bugEta: "2099-01-31" })).toEqual({ ok: true });
    const request = await seeded.db.request.findUniqueOrThrow({ where: { id: requestId }, select: { bugReference: true } });
    expect(request.bugReference).toBe("ENG-7");
  });

  it("an access request's note and a malformed approver", async () => {
    const paolo = await viewer("paolo@globex.test", 4);
    expect(await requestOrganizationAccess(seeded.db, paolo, { approverId: NUL, note: `Review${NUL}` })).toMatchObject({ ok: false, reason: "refused" });
    const jiho = await viewer("jiho@globex.test", 4);
    const asked = await requestOrganizationAccess(seeded.db, jiho, { note: `Monthly${NUL} review` });
    if (!asked.ok) throw new Error(JSON.stringify(asked));
    expect((await seeded.db.organizationAccessRequest.findUniqueOrThrow({ where: { id: asked.accessRequestId } })).note).toBe("Monthly review");
  });

  it("searches of My Requests and the agent queue", async () => {
    expect(await listRequests(seeded.db, await viewer("alice@acme.test"), { q: NUL })).toMatchObject({ ok: true });
    expect(await listRequests(seeded.db, await viewer("carol@acme.test"), { q: `dash${NUL}board`, scope: "organization" })).toMatchObject({ ok: true });
    expect(await listQueue(seeded.db, await viewer("agent@portico.test"), { q: `a${NUL}b` })).toMatchObject({ ok: true });
  });
});
