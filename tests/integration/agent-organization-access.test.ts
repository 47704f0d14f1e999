import { describe, expect, it } from "vitest";
import { decideOrganizationAccess } from "@/server/organization-access/decide-organization-access";
import { grantOrganizationAccess } from "@/server/organization-access/grant-organization-access";
import { listOrganizationAccess } from "@/server/organization-access/list-organization-access";
import { revokeOrganizationAccess } from "@/server/organization-access/revoke-organization-access";
import { listRequests } from "@/server/requests/list-requests";
import { prepareSeededDatabase } from "../setup/seeded-database";
import { viewerFor } from "../setup/viewers";

// The agent console's organization-access list (docs/product.md §6) on the demo data: it offers a grant
// only where the domain allows one, shows who granted and revoked what, and the customer's
// Organization scope follows the agent's grant and revoke on the next query.

const NOW = new Date();
const seeded = prepareSeededDatabase(NOW);

/** prisma/seed/demo-data.ts: Dave's request naming Erin (1044), Carol's granted one (1007). */
const DAVES_REQUEST = "seed-access-1044";
const CAROLS_REQUEST = "seed-access-1007";

const viewer = (email: string) => viewerFor(seeded.db, email, NOW);

async function scopes(email: string) {
  const result = await listRequests(seeded.db, await viewer(email), {});
  return result.ok ? result.page.scopes : [];
}

async function accessList(email = "agent@portico.test") {
  const result = await listOrganizationAccess(seeded.db, await viewer(email), {});
  return result.ok ? result.list : null;
}

async function row(id: string) {
  const found = (await accessList())?.requests.find((request) => request.id === id);
  if (!found) throw new Error(`no row ${id}`);
  return found;
}

describe("the agent's organization-access list", () => {
  it("is for agents only", async () => {
    for (const email of ["alice@acme.test", "carol@acme.test", "dave@acme.test", "erin@acme.test", "jiho@globex.test"]) {
      expect(await listOrganizationAccess(seeded.db, await viewer(email), {}), email).toEqual({ ok: false, reason: "not_found" });
    }
  });

  it("lists requests of all organizations, newest first, with names and approval state", async () => {
    const list = await accessList();
    expect(list).not.toBeNull();
    const requests = list?.requests ?? [];
    expect(new Set(requests.map((request) => request.organizationName))).toEqual(new Set(["Acme Corporation", "Globex"]));
    const created = requests.map((request) => request.createdAt.getTime());
    expect(created).toEqual([...created].sort((a, b) => b - a));
  });

  it("shows dave's request waiting for erin, not grantable, and carol's active grant with who gave it", async () => {
    expect(await row(DAVES_REQUEST)).toMatchObject({
      requester: { name: "Dave Whitfield", email: "dave@acme.test" },
      organizationName: "Acme Corporation",
      approverName: "Erin Yoon",
      approvalState: "pending",
      grants: [],
      grantable: false,
    });
    const carols = await row(CAROLS_REQUEST);
    expect(carols).toMatchObject({ approvalState: "not_required", grantable: false, requester: { email: "carol@acme.test" } });
    expect(carols.grants).toEqual([expect.objectContaining({ active: true, revokedAt: null, grantedBy: expect.any(String) })]);
  });

  it("after erin approves, dave's request is grantable; the grant and revoke show on the list and in dave's scopes", async () => {
    const agent = await viewer("agent@portico.test");
    expect(await decideOrganizationAccess(seeded.db, await viewer("erin@acme.test"), { accessRequestId: DAVES_REQUEST, decision: "approve" })).toEqual({
      ok: true,
      approvalState: "approved",
    });
    expect(await row(DAVES_REQUEST)).toMatchObject({ approvalState: "approved", decidedAt: NOW, grantable: true });
    expect(await scopes("dave@acme.test")).toEqual(["mine", "ccd"]);

    const granted = await grantOrganizationAccess(seeded.db, agent, { accessRequestId: DAVES_REQUEST });
    expect(granted).toEqual({ ok: true, grantId: expect.any(String) });
    if (!granted.ok) return;
    expect(await scopes("dave@acme.test")).toEqual(["mine", "ccd", "organization"]);
    const afterGrant = await row(DAVES_REQUEST);
    expect(afterGrant).toMatchObject({ grantable: false, grants: [{ id: granted.grantId, active: true, grantedAt: NOW, grantedBy: "Morgan Ellis", revokedAt: null }] });

    expect(await revokeOrganizationAccess(seeded.db, agent, { grantId: granted.grantId })).toEqual({ ok: true });
    expect(await scopes("dave@acme.test")).toEqual(["mine", "ccd"]);
    // The revoked grant stays on the list as the record of who did what; the request is granted no more.
    expect(await row(DAVES_REQUEST)).toMatchObject({
      grants: [{ id: granted.grantId, active: false, grantedBy: "Morgan Ellis", revokedAt: NOW, revokedBy: "Morgan Ellis" }],
      grantable: true,
    });
  });
});
