import { describe, expect, it } from "vitest";
import { updateTheme } from "@/server/people/theme";
import { prepareSeededDatabase } from "../setup/seeded-database";
import { viewerFor } from "../setup/viewers";

// The theme chosen in the profile menu (docs/product.md §8): light or dark kept with the account,
// "system" kept as no choice, so pages follow the system's setting again.

const NOW = new Date();
const seeded = prepareSeededDatabase(NOW);
const viewer = (email: string) => viewerFor(seeded.db, email, NOW);
const savedTheme = async (email: string) => (await seeded.db.user.findUniqueOrThrow({ where: { email }, select: { theme: true } })).theme;

describe("choosing a theme", () => {
  it("keeps Dark and Light with the account, and System as no choice; the next viewer carries it", async () => {
    const bob = await viewer("bob@acme.test");
    expect(bob.person.theme).toBeNull();
    expect(await updateTheme(seeded.db, bob, { theme: "dark" })).toEqual({ ok: true, theme: "dark" });
    expect(await savedTheme("bob@acme.test")).toBe("dark");
    expect((await viewer("bob@acme.test")).person.theme).toBe("dark");
    expect(await updateTheme(seeded.db, bob, { theme: "light" })).toEqual({ ok: true, theme: "light" });
    expect(await savedTheme("bob@acme.test")).toBe("light");
    expect(await updateTheme(seeded.db, bob, { theme: "system" })).toEqual({ ok: true, theme: "system" });
    expect(await savedTheme("bob@acme.test")).toBeNull();
  });

  it.each([
    ["an unknown theme", "sepia", "invalid"],
    ["a stored value's spelling for system", "null", "invalid"],
    ["a number", 1, "invalid"],
    ["nothing", undefined, "invalid"],
  ])("refuses %s and changes nothing", async (_, theme, code) => {
    const carol = await viewer("carol@acme.test");
    await updateTheme(seeded.db, carol, { theme: "dark" });
    expect(await updateTheme(seeded.db, carol, { theme })).toEqual({ ok: false, reason: "invalid", fieldErrors: { theme: code } });
    expect(await savedTheme("carol@acme.test")).toBe("dark");
  });

  it("changes only the chooser's own account", async () => {
    const dave = await viewer("dave@acme.test");
    await updateTheme(seeded.db, dave, { theme: "dark" });
    expect(await savedTheme("dave@acme.test")).toBe("dark");
    expect(await savedTheme("erin@acme.test")).toBeNull();
  });
});
