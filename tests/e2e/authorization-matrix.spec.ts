import { expect, test, type Page } from "@playwright/test";
import { DEMO_ACCOUNTS } from "./demo-accounts";
import { signIn } from "./fixtures";

// Every role × every portal page: what each may open, what answers 404 (the same for a request
// that does not exist and one the person may not see), and sign-in for anonymous visitors.
// Demo requests: 1063 is alice's (Acme; bob CC'd; carol sees Acme through her grant); 1062 is gina's (Globex).

type Expect = 200 | 404;
const PAGES = ["/requests", "/requests/new", "/organization-access", "/requests/1063", "/requests/1062", "/requests/999999", "/requests/abc"] as const;

const everyoneOpens = { "/requests": 200, "/requests/new": 200, "/organization-access": 200, "/requests/999999": 404, "/requests/abc": 404 } as const;
const EXPECTED: Record<(typeof DEMO_ACCOUNTS)[number], Record<(typeof PAGES)[number], Expect>> = {
  "agent@portico.test": { ...everyoneOpens, "/requests/1063": 200, "/requests/1062": 200 },
  "alice@acme.test": { ...everyoneOpens, "/requests/1063": 200, "/requests/1062": 404 },
  "bob@acme.test": { ...everyoneOpens, "/requests/1063": 200, "/requests/1062": 404 },
  "carol@acme.test": { ...everyoneOpens, "/requests/1063": 200, "/requests/1062": 404 },
  "dave@acme.test": { ...everyoneOpens, "/requests/1063": 404, "/requests/1062": 404 },
  "erin@acme.test": { ...everyoneOpens, "/requests/1063": 404, "/requests/1062": 404 },
  "gina@globex.test": { ...everyoneOpens, "/requests/1063": 404, "/requests/1062": 200 },
};

async function statusOf(page: Page, path: string) {
  const response = await page.goto(path);
  return response?.status();
}

test.describe("authorization matrix", () => {
  test("an anonymous visitor is sent to sign-in from every page", async ({ page }) => {
    for (const path of PAGES) {
      await page.goto(path);
      await expect(page, path).toHaveURL(new RegExp(`/signin\\?callbackUrl=${encodeURIComponent(path).replace(/[/]/g, "%2F")}`));
    }
  });

  for (const email of DEMO_ACCOUNTS) {
    test(`${email} opens exactly what the rules allow`, async ({ page }) => {
      await signIn(page, email);
      // Agents land on the queue, customers on their requests.
      await expect(page).toHaveURL(email === "agent@portico.test" ? /\/agent$/ : /\/requests$/);
      const seen: Record<string, number | undefined> = {};
      for (const path of PAGES) seen[path] = await statusOf(page, path);
      expect(seen).toEqual(EXPECTED[email]);
    });
  }

  test("a forbidden request and a missing one look the same", async ({ page }) => {
    await signIn(page, "alice@acme.test", "/requests/1062");
    const forbidden = await page.locator("main").innerText();
    const forbiddenTitle = await page.title();
    await page.goto("/requests/999999");
    expect(await page.locator("main").innerText()).toBe(forbidden);
    expect(await page.title()).toBe(forbiddenTitle);
  });

  test("a server action checks on its own: a reply aimed at another organization's request changes nothing", async ({ page, browser }) => {
    const marker = `tampered-${Date.now()}`;
    await signIn(page, "alice@acme.test", "/requests/1063");
    // Point the form at gina's request, as a hand-made request would.
    const replyForm = page.locator('form:has(textarea[name="body"])');
    await replyForm.locator('input[name="requestId"]').evaluate((input: HTMLInputElement) => (input.value = "1062"));
    await replyForm.locator('textarea[name="body"]').fill(marker);
    await replyForm.locator('button[type="submit"]').click();
    await expect(replyForm.getByText("This request does not exist, or you may not reply to it.")).toBeVisible();

    const gina = await browser.newContext({ locale: "en-US" });
    const ginaPage = await gina.newPage();
    await signIn(ginaPage, "gina@globex.test", "/requests/1062");
    await expect(ginaPage.getByRole("main")).not.toContainText(marker);
    await gina.close();
    // Nor did it land on alice's own request.
    await page.goto("/requests/1063");
    await expect(page.getByRole("main")).not.toContainText(marker);
  });
});
