import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { openRequest, signIn } from "./fixtures";
import { expectAccessible } from "./accessibility";

// Phones (docs/product.md §8): at 390×844 no page scrolls sideways — customer pages, the console,
// and the signed-out pages — My Requests' rows become cards that still show every column, a long
// code block scrolls inside itself, and the request page puts the conversation before the details.
// Read only, apart from one request of alice's opened here.

test.use({ viewport: { width: 390, height: 844 } });

const WIDE_CODE = `A line that is much wider than a phone:\n\n\`\`\`\n${"const result = compute(first, second, third); ".repeat(6)}\n\`\`\`\n\nAnd a long word: ${"Supercalifragilistic".repeat(8)}.`;

/** How wide the page is against the window, with the widest elements named when it is too wide. */
async function sidewaysOverflow(page: Page) {
  return page.evaluate(() => {
    const viewport = window.innerWidth;
    const tooWide = (element: Element) => element.getBoundingClientRect().right > viewport + 0.5;
    // What scrolls inside its own box is fine; name the outermost boxes that stick out.
    const scrolls = (element: Element) => ["auto", "scroll", "hidden", "clip"].includes(getComputedStyle(element).overflowX);
    const offenders = [...document.body.querySelectorAll<HTMLElement>("*")]
      .filter((element) => tooWide(element) && !(element.parentElement && tooWide(element.parentElement)))
      .filter((element) => { for (let up = element.parentElement; up; up = up.parentElement) if (scrolls(up)) return false; return true; })
      .slice(0, 5)
      .map((element) => `${element.tagName.toLowerCase()}.${element.className.toString().slice(0, 80)} (${Math.round(element.getBoundingClientRect().right)} px)`);
    return { scrollWidth: document.documentElement.scrollWidth, viewport, offenders };
  });
}

async function expectNoSidewaysScroll(page: Page, path: string) {
  await page.goto(path);
  await expect(page.locator("main")).toBeVisible();
  const { scrollWidth, viewport, offenders } = await sidewaysOverflow(page);
  expect.soft(scrollWidth, `${path} is ${scrollWidth} px wide on a ${viewport} px screen: ${offenders.join(", ")}`).toBeLessThanOrEqual(viewport);
}

let wideRequest: number;
const subject = `Phone layout ${randomUUID().slice(0, 8)}`;

test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await signIn(page, "alice@acme.test");
  await expect(page).toHaveURL(/\/requests$/);
  wideRequest = await openRequest(page, { subject, description: WIDE_CODE, priority: "S4-Question" });
  await page.close();
});

test("no customer page scrolls sideways on a phone", async ({ page }) => {
  await signIn(page, "alice@acme.test");
  await expect(page).toHaveURL(/\/requests$/);
  for (const path of [
    "/requests",
    "/requests/new",
    `/requests/${wideRequest}`,
    "/requests/chat",
    "/organization-access",
    "/settings",
    "/settings/password",
    "/settings/sessions",
    "/settings/notifications",
    "/settings/api-tokens",
  ]) {
    await expectNoSidewaysScroll(page, path);
  }
});

test("My Requests shows each request as a card with all its columns, and stays accessible", async ({ page }) => {
  await signIn(page, "alice@acme.test");
  await expect(page).toHaveURL(/\/requests$/);
  const card = page.locator("tbody tr").filter({ has: page.getByRole("link", { name: subject }) });
  await expect(card).toBeVisible();
  // Subject, number, status, created and last activity, each on screen.
  const cells = card.locator("td");
  await expect(cells).toHaveCount(5);
  for (const cell of await cells.all()) {
    await expect(cell).toBeVisible();
    const box = await cell.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
  }
  await expect(card).toContainText(`#${wideRequest}`);
  await expect(card).toContainText("Open");
  // The date columns say which date they are.
  await expect(cells.nth(2)).toHaveAttribute("data-label", "Created");
  await expect(cells.nth(3)).toHaveAttribute("data-label", "Last activity");
  await expectAccessible(page);
});

test("the request page shows the conversation first, and a long code block scrolls inside itself", async ({ page }) => {
  await signIn(page, "alice@acme.test", `/requests/${wideRequest}`);
  const conversation = page.getByRole("heading", { name: "Responses", level: 2 });
  const details = page.getByRole("heading", { name: "Details", level: 2 });
  const [conversationBox, detailsBox] = [await conversation.boundingBox(), await details.boundingBox()];
  expect(conversationBox!.y).toBeLessThan(detailsBox!.y);

  const code = page.locator("pre").first();
  const scroll = await code.evaluate((element) => ({ client: element.clientWidth, scroll: element.scrollWidth, right: element.getBoundingClientRect().right }));
  expect(scroll.scroll).toBeGreaterThan(scroll.client);
  expect(scroll.right).toBeLessThanOrEqual(390);
});

test("the profile menu opens and fits on a phone", async ({ page }) => {
  await signIn(page, "alice@acme.test");
  await expect(page).toHaveURL(/\/requests$/);
  await page.getByRole("button", { name: "Alice Whitmore" }).click();
  const signOut = page.getByRole("button", { name: "Sign out" });
  await signOut.scrollIntoViewIfNeeded();
  await expect(signOut).toBeInViewport();
  const box = await page.getByRole("link", { name: "Support requests" }).boundingBox();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(390);
  await expect(page.getByRole("button", { name: "Dark" })).toBeVisible();
});

test("no console page scrolls sideways on a phone", async ({ page }) => {
  await signIn(page, "agent@portico.test");
  for (const path of ["/agent", `/agent/requests/${wideRequest}`, "/agent/chats", "/agent/mail", "/agent/people", "/agent/audit", "/agent/organization-access", "/agent/saved-replies", "/agent/webhooks"]) {
    await expectNoSidewaysScroll(page, path);
  }
});

test("no signed-out page scrolls sideways on a phone", async ({ page }) => {
  for (const path of ["/signin", "/password-reset", "/api/docs"]) {
    await expectNoSidewaysScroll(page, path);
  }
});
