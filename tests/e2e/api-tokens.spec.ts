import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { newCustomerLikeAlice, signIn } from "./fixtures";
import { expectAccessible } from "./accessibility";

// The API tokens page (docs/api.md "Credentials"): a token is shown once, opens the API as its
// owner, is listed with its last use, and stops working the moment it is revoked. Each test makes a
// person of its own, so nothing here touches the demo accounts.

async function expectNoViolations(page: Page) {
  await expectAccessible(page);
}

async function signedInAsNewPerson(page: Page, name: string) {
  const person = await newCustomerLikeAlice({ idPrefix: "api-tokens", name });
  await signIn(page, person.email);
  await expect(page).toHaveURL(/\/requests$/);
  return person;
}

/** A calendar date `days` from today, as a date field takes it. */
const daysFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** GET /api/v1/me with the token alone: a request context of its own, with no session cookie. */
const callMe = (request: APIRequestContext, token: string) => request.get("/api/v1/me", { headers: { Authorization: `Bearer ${token}` } });

const createForm = (page: Page) => page.getByRole("region", { name: "Create a token" });
const tokenItem = (page: Page, name: string) => page.getByRole("listitem").filter({ hasText: name });

test("a read-only token with an expiry: shown once, used, listed with its last use, revoked", async ({ page, request }) => {
  const person = await signedInAsNewPerson(page, "Tomas Tokens");
  await page.getByRole("button", { name: /Tomas Tokens/ }).click();
  await page.getByRole("link", { name: "API tokens" }).click();
  await expect(page).toHaveURL(/\/settings\/api-tokens$/);
  await expect(page.getByRole("navigation", { name: "Account settings" }).getByRole("link", { name: "API tokens" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByText("You have no API tokens yet.")).toBeVisible();
  await expectNoViolations(page);

  // Bad input keeps what was chosen and says what is wrong.
  const form = createForm(page);
  await form.getByRole("radio", { name: "Read-only" }).check();
  const lastDay = daysFromToday(10);
  await form.getByLabel("Expiry date").fill(lastDay);
  await form.getByRole("button", { name: "Create token" }).click();
  await expect(form.getByRole("alert")).toHaveText("Name is required.");
  await expect(form.getByLabel("Name")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByRole("radio", { name: "On the date below" })).toBeChecked();
  await expect(form.getByLabel("Expiry date")).toHaveValue(lastDay);
  await expect(form.getByRole("radio", { name: "Read-only" })).toBeChecked();

  await form.getByLabel("Name").fill("Nightly report");
  await form.getByRole("button", { name: "Create token" }).click();
  const shown = form.getByLabel("Token", { exact: true });
  await expect(shown).toBeFocused();
  const token = await shown.inputValue();
  expect(token).toMatch(/^ptc_[A-Za-z0-9_-]{43}$/);
  await expect(form.getByText("it will not be shown again")).toBeVisible();
  await expect(form.getByLabel("Name")).toHaveValue("");
  const item = tokenItem(page, "Nightly report");
  await expect(item).toContainText("Read-only");
  await expect(item).toContainText("Active");
  await expect(item).toContainText(token.slice(0, 10));
  await expect(item).toContainText("expires");
  await expect(item).toContainText("Never used");
  await expectNoViolations(page);

  const answer = await callMe(request, token);
  expect(answer.status()).toBe(200);
  expect(await answer.json()).toMatchObject({ email: person.email });

  // Shown once: after a reload the secret is nowhere on the page; the list has its last use.
  await page.reload();
  await expect(page.getByLabel("Token", { exact: true })).toHaveCount(0);
  expect(await page.content()).not.toContain(token);
  await expect(tokenItem(page, "Nightly report")).toContainText("Last used");

  await tokenItem(page, "Nightly report").getByRole("button", { name: "Revoke" }).click();
  await expect(page).toHaveURL(/\/settings\/api-tokens\?done=revoked$/);
  await expect(page.getByRole("status")).toHaveText("The token is revoked: it no longer opens the API.");
  await expect(tokenItem(page, "Nightly report")).toContainText("Revoked");
  await expect(tokenItem(page, "Nightly report").getByRole("button", { name: "Revoke" })).toHaveCount(0);
  expect((await callMe(request, token)).status()).toBe(401);
});

test("without JavaScript, a token is made and shown, and bad input keeps what was typed", async ({ browser, page: signingIn, request }) => {
  // Signing in needs the script; the page after it does not.
  await signedInAsNewPerson(signingIn, "Noor Noscript");
  const context = await browser.newContext({ storageState: await signingIn.context().storageState(), javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto("/settings/api-tokens");
    const form = createForm(page);
    await form.getByLabel("Name").fill("x".repeat(80));
    await form.getByRole("radio", { name: "Read-write" }).check();
    await form.getByRole("radio", { name: "On the date below" }).check();
    await form.getByRole("button", { name: "Create token" }).click();
    await expect(form.getByRole("alert")).toHaveText("Choose the date the token expires.");
    await expect(form.getByLabel("Name")).toHaveValue("x".repeat(80));
    await expect(form.getByRole("radio", { name: "Read-write" })).toBeChecked();

    await form.getByLabel("Name").fill("Script-free sync");
    await form.getByRole("radio", { name: "In 7 days" }).check();
    await form.getByRole("button", { name: "Create token" }).click();
    const token = await form.getByLabel("Token", { exact: true }).inputValue();
    expect(token).toMatch(/^ptc_/);
    await expect(tokenItem(page, "Script-free sync")).toContainText("Read-write");
    expect((await callMe(request, token)).status()).toBe(200);
  } finally {
    await context.close();
  }
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the page does not scroll sideways, with a token shown and listed", async ({ page }) => {
    await signedInAsNewPerson(page, "Pia Phone");
    await page.goto("/settings/api-tokens");
    const form = createForm(page);
    await form.getByLabel("Name").fill("Supercalifragilistic".repeat(4));
    await form.getByRole("button", { name: "Create token" }).click();
    await expect(form.getByLabel("Token", { exact: true })).toBeVisible();
    await expect(tokenItem(page, "Supercalifragilistic")).toBeVisible();
    // The outermost boxes that stick out, named when the page is too wide.
    const { scrollWidth, viewport, offenders } = await page.evaluate(() => {
      const viewport = window.innerWidth;
      const tooWide = (element: Element) => element.getBoundingClientRect().right > viewport + 0.5;
      const offenders = [...document.body.querySelectorAll("*")]
        .filter((element) => tooWide(element) && !(element.parentElement && tooWide(element.parentElement)))
        .map((element) => `${element.tagName.toLowerCase()}.${element.className.toString().slice(0, 80)}`);
      return { scrollWidth: document.documentElement.scrollWidth, viewport, offenders };
    });
    expect(scrollWidth, offenders.join(", ")).toBeLessThanOrEqual(viewport);
    await expectNoViolations(page);
  });
});
