import { describe, expect, it } from "vitest";
import { canReadAccounts, checkAccountChange } from "./accounts";
import { AUTOMATION_ACTOR, type Actor } from "./visibility";

const agent: Actor = { userId: "agent", isAgent: true, memberships: [], grants: [] };
const customer: Actor = { userId: "alice", isAgent: false, memberships: [{ organizationId: "acme", isTechnicalContact: true, isAdmin: true }], grants: [] };

describe("docs/product.md §8 accounts", () => {
  it("agents disable and enable others' accounts, never their own", () => {
    expect(checkAccountChange(agent, "alice").ok).toBe(true);
    expect(checkAccountChange(agent, "agent")).toMatchObject({ ok: false, refusal: { code: "own_account" } });
  });

  it("customers, even organization admins, and the automation manage no accounts", () => {
    expect(checkAccountChange(customer, "bob")).toMatchObject({ ok: false, refusal: { code: "agents_only" } });
    expect(checkAccountChange(AUTOMATION_ACTOR, "bob")).toMatchObject({ ok: false, refusal: { code: "agents_only" } });
  });

  it("only agents read the accounts and the audit trail", () => {
    expect([agent, customer, AUTOMATION_ACTOR].map(canReadAccounts)).toEqual([true, false, false]);
  });
});
