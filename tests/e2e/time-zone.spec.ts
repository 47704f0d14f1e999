import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { formatDate, formatDateTime } from "../../src/i18n/format";
import { withE2eDatabase } from "../setup/e2e-database";
import { newCustomerLikeAlice, openRequest, signIn } from "./fixtures";
import { expectAccessible } from "./accessibility";

// Time as people read it (docs/product.md §8): a person's browser zone is adopted while they have
// none; they choose another on the profile page; every date is then shown in it, with how long ago
// in their language, and a bug's estimated resolution date that has passed is said to have passed.
// The person is made for this spec (a copy of a demo customer), so no other spec sees their zone.

const DAY_MS = 86_400_000;


const savedZone = (email: string) =>
  withE2eDatabase(async (db) => (await db.query<{ timeZone: string | null }>(`SELECT "timeZone" FROM "User" WHERE email = $1`, [email])).rows[0]?.timeZone ?? null);

/** The request's details panel, whatever the language. */
const details = (page: Page) => page.locator("section[aria-labelledby=request-details-heading]");

test("a person's dates follow their time zone: the browser's first, then Asia/Seoul chosen on the profile page", async ({ browser }) => {
  const person = await newCustomerLikeAlice({ idPrefix: "tz", name: "Soo-ah Kwon" });
  // The browser is in Rome: that zone becomes the account's, since it has none.
  const context = await browser.newContext({ locale: "en-US", timezoneId: "Europe/Rome" });
  const page = await context.newPage();
  await signIn(page, person.email);
  await expect(page).toHaveURL(/\/requests$/);
  await expect.poll(() => savedZone(person.email)).toBe("Europe/Rome");

  // A request of theirs, made four days old and solved with a bug whose estimated date has passed.
  const id = await openRequest(page, { subject: `Time zones ${randomUUID().slice(0, 8)}`, description: "Which time is it?", priority: "S3-Tolerable" });
  const now = Date.now();
  const created = new Date(now - 4 * DAY_MS);
  const eta = new Date(`${new Date(now - 3 * DAY_MS).toISOString().slice(0, 10)}T23:59:59.999Z`);
  await withE2eDatabase((db) =>
    db.query(
      `UPDATE "Request" SET "createdAt" = $2, "lastActivityAt" = $3, status = 'solved', "solvedAt" = $3, "solvedReason" = 'bug_reported',
         "bugReference" = 'ENG-7301', "bugPriority" = 'S2', "bugEta" = $4 WHERE id = $1`,
      [id, created, new Date(created.getTime() + 1000), eta],
    ),
  );

  // The profile page: the zone adopted is chosen; Asia/Seoul is saved.
  await page.goto("/settings");
  await expect(page).toHaveTitle("Time zone · Portico");
  await expect(page.getByRole("navigation", { name: "Account settings" }).getByRole("link", { name: "Time zone" })).toHaveAttribute("aria-current", "page");
  const zone = page.getByLabel("Your time zone");
  await expect(zone).toHaveValue("Europe/Rome");
  await expectAccessible(page);
  await zone.selectOption("Asia/Seoul");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toHaveText("Your time zone is saved.");
  await expect(zone).toHaveValue("Asia/Seoul");
  expect(await savedZone(person.email)).toBe("Asia/Seoul");

  // The request's dates in Korea's time, named as such; how long ago in words; the bug's date alone, flagged.
  await page.goto(`/requests/${id}`);
  const panel = details(page);
  const createdRow = panel.locator("dd", { has: page.locator(`time[datetime="${created.toISOString()}"]`) });
  await expect(createdRow).toContainText(formatDateTime(created, "en", "Asia/Seoul"));
  await expect(createdRow).toContainText("GMT+9");
  await expect(createdRow).toContainText("4 days ago");
  await expect(panel).toContainText(`estimated resolution ${formatDate(eta, "en", "UTC")}.`);
  await expect(panel.getByText("passed", { exact: true })).toBeVisible();

  // My Requests: the row says how long ago, with the exact moment in Korea's time on hover.
  await page.goto("/requests");
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: new RegExp(`Time zones`) }) });
  const createdTime = row.locator(`time[datetime="${created.toISOString()}"]`);
  await expect(createdTime).toHaveText("4 days ago");
  await expect(createdTime).toHaveAttribute("title", formatDateTime(created, "en", "Asia/Seoul"));

  // The same words in Korean and Italian, through the language switch.
  for (const [language, ago, passed] of [
    ["한국어", "4일 전", "지남"],
    ["Italiano", "4 giorni fa", "superata"],
  ] as const) {
    await page.getByRole("button", { name: /Soo-ah/ }).click();
    await page.getByRole("button", { name: language }).click();
    await expect(createdTime).toHaveText(ago);
    await page.goto(`/requests/${id}`);
    await expect(createdRow).toContainText(ago);
    await expect(panel.getByText(passed, { exact: true })).toBeVisible();
    await page.goto("/requests");
  }
  await context.close();
});
