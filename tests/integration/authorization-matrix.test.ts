import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decideOrganizationAccess } from "@/server/organization-access/decide-organization-access";
import { getOrganizationAccessOverview } from "@/server/organization-access/get-organization-access-overview";
import { grantOrganizationAccess } from "@/server/organization-access/grant-organization-access";
import { requestOrganizationAccess } from "@/server/organization-access/request-organization-access";
import { revokeOrganizationAccess } from "@/server/organization-access/revoke-organization-access";
import { addRequestCc } from "@/server/requests/add-request-cc";
import { createRequest } from "@/server/requests/create-request";
import { getRequestPage } from "@/server/requests/get-request-page";
import { listRequests } from "@/server/requests/list-requests";
import { markSolved } from "@/server/requests/mark-solved";
import { rateRequest } from "@/server/requests/rate-request";
import { removeRequestCc } from "@/server/requests/remove-request-cc";
import { replyToRequest } from "@/server/requests/reply-to-request";
import { prepareSeededDatabase } from "../setup/seeded-database";
import { viewerFor } from "../setup/viewers";

// Every role × every use case behind the portal's pages and actions (the actions and pages are thin
// wrappers that find the viewer and call these). A refusal must change nothing.

const seeded = prepareSeededDatabase();

const ROLES = ["agent@portico.test", "alice@acme.test", "bob@acme.test", "carol@acme.test", "dave@acme.test", "erin@acme.test", "gina@globex.test"] as const;
type Role = (typeof ROLES)[number];

// Demo requests: 1063 is alice's (Acme, open, bob CC'd); 1062 is gina's (Globex, open).
const ALICE_REQUEST = 1063;
const GLOBEX_REQUEST = 1062;

const viewer = (email: Role) => viewerFor(seeded.db, email);

async function userId(email: string) {
  return (await seeded.db.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
}

/** Everything a refused action could have touched. */
async function fingerprint() {
  const db = seeded.db;
  const [requests, comments, ccs, events, accessRequests, grants, versions, ratings] = await Promise.all([
    db.request.count(),
    db.comment.count(),
    db.requestCc.count(),
    db.requestEvent.count(),
    db.organizationAccessRequest.findMany({ select: { id: true, approvalState: true }, orderBy: { id: "asc" } }),
    db.organizationAccessGrant.findMany({ select: { id: true, revokedAt: true }, orderBy: { id: "asc" } }),
    db.request.aggregate({ _sum: { version: true } }),
    db.satisfactionRating.count(),
  ]);
  return { requests, comments, ccs, events, accessRequests, grants, versions: versions._sum.version, ratings };
}

type Outcome = "allowed" | "refused";
const ok = (result: { ok: boolean }) => (result.ok ? "allowed" : "refused");

/** The table: who may do what. */
const matrix: Record<string, { run: (role: Role) => Promise<Outcome>; expected: Record<Role, Outcome> }> = {
  "view alice's request": {
    run: async (role) => ok(await getRequestPage(seeded.db, await viewer(role), { requestId: ALICE_REQUEST })),
    expected: { "agent@portico.test": "allowed", "alice@acme.test": "allowed", "bob@acme.test": "allowed", "carol@acme.test": "allowed", "dave@acme.test": "refused", "erin@acme.test": "refused", "gina@globex.test": "refused" },
  },
  "view a Globex request": {
    run: async (role) => ok(await getRequestPage(seeded.db, await viewer(role), { requestId: GLOBEX_REQUEST })),
    expected: { "agent@portico.test": "allowed", "alice@acme.test": "refused", "bob@acme.test": "refused", "carol@acme.test": "refused", "dave@acme.test": "refused", "erin@acme.test": "refused", "gina@globex.test": "allowed" },
  },
  "use the Organization scope": {
    run: async (role) => {
      const result = await listRequests(seeded.db, await viewer(role), { scope: "organization" });
      return result.ok && result.page.view.scope === "organization" ? "allowed" : "refused";
    },
    expected: { "agent@portico.test": "refused", "alice@acme.test": "refused", "bob@acme.test": "refused", "carol@acme.test": "allowed", "dave@acme.test": "refused", "erin@acme.test": "refused", "gina@globex.test": "refused" },
  },
  "reply to alice's request": {
    run: async (role) => ok(await replyToRequest(seeded.db, await viewer(role), { requestId: ALICE_REQUEST, body: `A reply by ${role}`, submissionKey: randomUUID() })),
    // Agents reply from the agent console, not the portal; organization viewers read only.
    expected: { "agent@portico.test": "refused", "alice@acme.test": "allowed", "bob@acme.test": "allowed", "carol@acme.test": "refused", "dave@acme.test": "refused", "erin@acme.test": "refused", "gina@globex.test": "refused" },
  },
  "reply to a Globex request": {
    run: async (role) => ok(await replyToRequest(seeded.db, await viewer(role), { requestId: GLOBEX_REQUEST, body: `A reply by ${role}`, submissionKey: randomUUID() })),
    expected: { "agent@portico.test": "refused", "alice@acme.test": "refused", "bob@acme.test": "refused", "carol@acme.test": "refused", "dave@acme.test": "refused", "erin@acme.test": "refused", "gina@globex.test": "allowed" },
  },
  "CC erin on alice's request": {
    run: async (role) => {
      const result = ok(await addRequestCc(seeded.db, await viewer(role), { requestId: ALICE_REQUEST, userId: await userId("erin@acme.test") }));
      if (result === "allowed") await removeRequestCc(seeded.db, await viewer(role), { requestId: ALICE_REQUEST, userId: await userId("erin@acme.test") });
      return result;
    },
    expected: { "agent@portico.test": "allowed", "alice@acme.test": "allowed", "bob@acme.test": "refused", "carol@acme.test": "refused", "dave@acme.test": "refused", "erin@acme.test": "refused", "gina@globex.test": "refused" },
  },
  "remove bob's CC from alice's request": {
    run: async (role) => {
      const bob = await userId("bob@acme.test");
      const result = ok(await removeRequestCc(seeded.db, await viewer(role), { requestId: ALICE_REQUEST, userId: bob }));
      if (result === "allowed") await addRequestCc(seeded.db, await viewer("alice@acme.test"), { requestId: ALICE_REQUEST, userId: bob });
      return result;
    },
    expected: { "agent@portico.test": "allowed", "alice@acme.test": "allowed", "bob@acme.test": "refused", "carol@acme.test": "refused", "dave@acme.test": "refused", "erin@acme.test": "refused", "gina@globex.test": "refused" },
  },
  "open a new request": {
    run: async (role) => ok(await createRequest(seeded.db, await viewer(role), { subject: `Opened by ${role}`, description: "Steps to reproduce: …", priority: "S4", ccUserIds: [], submissionKey: randomUUID() })),
    expected: { "agent@portico.test": "refused", "alice@acme.test": "allowed", "bob@acme.test": "allowed", "carol@acme.test": "allowed", "dave@acme.test": "allowed", "erin@acme.test": "allowed", "gina@globex.test": "allowed" },
  },
  "ask for organization-level access without naming an approver": {
    run: async (role) => ok(await requestOrganizationAccess(seeded.db, await viewer(role), {})),
    // carol already has it; dave (admin) must name a technical contact and has a request open; erin is a technical contact.
    expected: { "agent@portico.test": "refused", "alice@acme.test": "refused", "bob@acme.test": "refused", "carol@acme.test": "refused", "dave@acme.test": "refused", "erin@acme.test": "allowed", "gina@globex.test": "refused" },
  },
  "approve dave's pending access request": {
    run: async (role) => {
      const pending = await seeded.db.organizationAccessRequest.findFirstOrThrow({ where: { requester: { email: "dave@acme.test" }, approvalState: "pending" }, select: { id: true } });
      const result = ok(await decideOrganizationAccess(seeded.db, await viewer(role), { accessRequestId: pending.id, decision: "approve" }));
      if (result === "allowed") await seeded.db.organizationAccessRequest.update({ where: { id: pending.id }, data: { approvalState: "pending", decidedAt: null } });
      return result;
    },
    expected: { "agent@portico.test": "refused", "alice@acme.test": "refused", "bob@acme.test": "refused", "carol@acme.test": "refused", "dave@acme.test": "refused", "erin@acme.test": "allowed", "gina@globex.test": "refused" },
  },
  "grant carol's access request again": {
    run: async (role) => {
      const request = await seeded.db.organizationAccessRequest.findFirstOrThrow({ where: { requester: { email: "carol@acme.test" } }, select: { id: true } });
      return ok(await grantOrganizationAccess(seeded.db, await viewer(role), { accessRequestId: request.id }));
    },
    // Nobody: agents grant only requests not granted yet, everyone else never.
    expected: { "agent@portico.test": "refused", "alice@acme.test": "refused", "bob@acme.test": "refused", "carol@acme.test": "refused", "dave@acme.test": "refused", "erin@acme.test": "refused", "gina@globex.test": "refused" },
  },
  "revoke carol's grant": {
    run: async (role) => {
      const grant = await seeded.db.organizationAccessGrant.findFirstOrThrow({ where: { user: { email: "carol@acme.test" } }, select: { id: true } });
      const result = ok(await revokeOrganizationAccess(seeded.db, await viewer(role), { grantId: grant.id }));
      if (result === "allowed") await seeded.db.organizationAccessGrant.update({ where: { id: grant.id }, data: { revokedAt: null, revokedById: null } });
      return result;
    },
    expected: { "agent@portico.test": "allowed", "alice@acme.test": "refused", "bob@acme.test": "refused", "carol@acme.test": "refused", "dave@acme.test": "refused", "erin@acme.test": "refused", "gina@globex.test": "refused" },
  },
  // Last, as they solve alice's request: the requester's own verdict, hers alone (docs/product.md §4.1, §4.5).
  "mark alice's request as solved": {
    run: async (role) => ok(await markSolved(seeded.db, await viewer(role), { requestId: ALICE_REQUEST, submissionKey: randomUUID() })),
    expected: { "agent@portico.test": "refused", "alice@acme.test": "allowed", "bob@acme.test": "refused", "carol@acme.test": "refused", "dave@acme.test": "refused", "erin@acme.test": "refused", "gina@globex.test": "refused" },
  },
  "rate alice's solved request": {
    run: async (role) => ok(await rateRequest(seeded.db, await viewer(role), { requestId: ALICE_REQUEST, score: "good" })),
    expected: { "agent@portico.test": "refused", "alice@acme.test": "allowed", "bob@acme.test": "refused", "carol@acme.test": "refused", "dave@acme.test": "refused", "erin@acme.test": "refused", "gina@globex.test": "refused" },
  },
};

describe("authorization matrix: every role × every portal use case", () => {
  for (const [action, { run, expected }] of Object.entries(matrix)) {
    for (const role of ROLES) {
      const outcome = expected[role];
      it(`${role} — ${action}: ${outcome}`, async () => {
        const before = outcome === "refused" ? await fingerprint() : undefined;
        expect(await run(role)).toBe(outcome);
        if (before) expect(await fingerprint()).toEqual(before);
      });
    }
  }

  it("shows an approval only to the technical contact it names", async () => {
    const approvalsFor = async (role: Role) => {
      const result = await getOrganizationAccessOverview(seeded.db, await viewer(role), {});
      return result.ok ? result.overview.approvals.map((approval) => approval.requester.email) : [];
    };
    expect(await approvalsFor("erin@acme.test")).toContain("dave@acme.test");
    for (const role of ROLES.filter((role) => role !== "erin@acme.test")) expect(await approvalsFor(role)).not.toContain("dave@acme.test");
  });
});
