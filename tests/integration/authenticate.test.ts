import { describe, expect, it } from "vitest";
import { authenticateWithOidc, authenticateWithPassword } from "@/server/people/authenticate";
import { DEMO_PASSWORD } from "../../scripts/lib/seed";
import { DEMO_ACCOUNTS } from "../e2e/demo-accounts";
import { prepareSeededDatabase } from "../setup/seeded-database";

const seeded = prepareSeededDatabase();

describe("password sign-in", () => {
  it.each(DEMO_ACCOUNTS)("admits %s with the demo password", async (email) => {
    expect(await authenticateWithPassword(seeded.db, { email, password: DEMO_PASSWORD })).toMatchObject({ email });
  });

  it("ignores the case of the email", async () => {
    expect(await authenticateWithPassword(seeded.db, { email: "Alice@Acme.TEST", password: DEMO_PASSWORD })).toMatchObject({ email: "alice@acme.test" });
  });

  it.each([
    ["a wrong password", { email: "alice@acme.test", password: "portico-demo!" }],
    ["an unknown email", { email: "mallory@acme.test", password: DEMO_PASSWORD }],
    ["an empty password", { email: "alice@acme.test", password: "" }],
    ["no input", undefined],
    ["a non-string", { email: ["alice@acme.test"], password: DEMO_PASSWORD }],
  ])("refuses %s", async (_, input) => {
    expect(await authenticateWithPassword(seeded.db, input)).toBeNull();
  });
});

describe("single sign-on", () => {
  it("links a verified email to the existing account, then recognises the identity", async () => {
    const first = await authenticateWithOidc(seeded.db, { subject: "sso|bob", email: "BOB@acme.test", emailVerified: true });
    expect(first).toMatchObject({ email: "bob@acme.test" });
    const again = await authenticateWithOidc(seeded.db, { subject: "sso|bob", email: undefined, emailVerified: false });
    expect(again?.id).toBe(first?.id);
  });

  it("refuses an unverified email, an unknown email, and a second identity for a linked account", async () => {
    expect(await authenticateWithOidc(seeded.db, { subject: "sso|x1", email: "erin@acme.test", emailVerified: false })).toBeNull();
    expect(await authenticateWithOidc(seeded.db, { subject: "sso|x2", email: "stranger@acme.test", emailVerified: true })).toBeNull();
    expect(await authenticateWithOidc(seeded.db, { subject: "sso|other-bob", email: "bob@acme.test", emailVerified: true })).toBeNull();
    expect(await seeded.db.user.count({ where: { email: "stranger@acme.test" } })).toBe(0);
  });
});
