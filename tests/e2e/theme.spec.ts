import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { withE2eDatabase } from "../setup/e2e-database";
import { newCustomerLikeAlice, openRequest, signIn } from "./fixtures";
import { expectAccessible } from "./accessibility";

// Comfort (docs/product.md §8): a dark theme that follows the system, or the choice made in the
// profile menu, kept with the account and painted by the server; avatars with a colour of their own.
// The customer who chooses a theme is made for this spec (a copy of a demo customer), so
// no other spec sees their choice; the agent only has their system's setting emulated.

const savedTheme = (email: string) =>
  withE2eDatabase(async (db) => (await db.query<{ theme: string | null }>(`SELECT theme FROM "User" WHERE email = $1`, [email])).rows[0]?.theme ?? null);

/** The page's background lightness, 0 (black) to 1 (white), as the browser painted it. */
async function backgroundLightness(page: Page): Promise<number> {
  return page.evaluate(() => {
    const probe = document.createElement("canvas").getContext("2d")!;
    probe.fillStyle = getComputedStyle(document.body).backgroundColor;
    probe.fillRect(0, 0, 1, 1);
    const [red, green, blue] = probe.getImageData(0, 0, 1, 1).data;
    return (0.2126 * red! + 0.7152 * green! + 0.0722 * blue!) / 255;
  });
}

async function chooseTheme(page: Page, name: string, theme: "Light" | "Dark" | "System") {
  const choices = page.getByRole("group", { name: "Theme" });
  // The menu stays open after a choice, showing it ticked; open it when it is closed.
  if (!(await choices.isVisible())) await page.getByRole("button", { name }).click();
  await choices.getByRole("button", { name: theme }).click();
}

test("a customer chooses Dark in the profile menu: it is kept, painted from the first byte, and readable", async ({ page }) => {
  const person = await newCustomerLikeAlice({ idPrefix: "theme", name: "Noor Haddad", timeZone: "UTC" });
  await signIn(page, person.email);
  await expect(page).toHaveURL(/\/requests$/);
  await expect(page.locator("html")).not.toHaveAttribute("data-theme");
  expect(await backgroundLightness(page)).toBeGreaterThan(0.9);

  await chooseTheme(page, person.name, "Dark");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await expect.poll(() => savedTheme(person.email)).toBe("dark");
  expect(await backgroundLightness(page)).toBeLessThan(0.1);

  // The server sends the page dark: no script decides it after the first paint.
  const served = await page.request.get("/requests");
  expect(await served.text()).toMatch(/<html[^>]*data-theme="dark"/);
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await expect(page.getByRole("button", { name: person.name })).toBeVisible();
  await expectAccessible(page);

  const id = await openRequest(page, { subject: `Dark theme ${randomUUID().slice(0, 8)}`, description: "Is this readable?\n\n```\nnpm start\n```", priority: "S3-Tolerable" });
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`#${id}`);
  expect(await backgroundLightness(page)).toBeLessThan(0.1);
  await expectAccessible(page);

  // Light, whatever the system says.
  await page.emulateMedia({ colorScheme: "dark" });
  await chooseTheme(page, person.name, "Light");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
  expect(await backgroundLightness(page)).toBeGreaterThan(0.9);

  // Back to following the system, which is dark here.
  await chooseTheme(page, person.name, "System");
  await expect(page.locator("html")).not.toHaveAttribute("data-theme");
  await expect.poll(() => savedTheme(person.email)).toBe(null);
  expect(await backgroundLightness(page)).toBeLessThan(0.1);
});

test("with a dark system setting the console and the sign-in page are dark, and readable", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/signin");
  expect(await backgroundLightness(page)).toBeLessThan(0.1);
  await expectAccessible(page);

  await signIn(page, "agent@portico.test", "/agent");
  await expect(page.getByRole("heading", { name: "Queue", level: 1 })).toBeVisible();
  expect(await backgroundLightness(page)).toBeLessThan(0.1);
  await expectAccessible(page);
});

test("avatars: initials on a colour that stays the person's, in the menu and beside their messages", async ({ page }) => {
  await signIn(page, "alice@acme.test");
  await expect(page).toHaveURL(/\/requests$/);
  const menuAvatar = page.getByRole("banner").locator("[data-avatar]");
  await expect(menuAvatar).toHaveText("AW");
  const colour = await menuAvatar.evaluate((element) => getComputedStyle(element).backgroundColor);

  const id = await openRequest(page, { subject: `Avatars ${randomUUID().slice(0, 8)}`, description: "Whose initials?", priority: "S4-Question" });
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`#${id}`);
  const threadAvatar = page.getByRole("region", { name: "Responses" }).locator("[data-avatar]").first();
  await expect(threadAvatar).toHaveText("AW");
  expect(await threadAvatar.evaluate((element) => getComputedStyle(element).backgroundColor)).toBe(colour);
  // Decorative: the name is written beside it.
  await expect(threadAvatar).toHaveAttribute("aria-hidden", "true");
});
