import { expect, test, type Browser, type Page } from "@playwright/test";
import { INTERNAL_ONLY_WORD } from "../../prisma/seed/demo-data";
import { expectSignedIn, signIn } from "./fixtures";
import { expectAccessible } from "./accessibility";

// The request page (/requests/{id}). Requests this spec changes are bob@acme.test's own and nobody
// else's: #1016 and #1004 (Solved: a reply reopens them), #1029 (Solved, for the empty-submit check,
// which changes nothing) and #1064 (Open: CC add and remove, Erin with JavaScript, Dave without).
// Everything else is read only.

async function signInAs(page: Page, email: string) {
  await signIn(page, email);
  await expectSignedIn(page);
}

/** A page signed in as `email` in a browser without JavaScript (signing in itself needs it). */
async function withoutJavaScript(browser: Browser, page: Page, email: string): Promise<Page> {
  await signInAs(page, email);
  const context = await browser.newContext({ storageState: await page.context().storageState(), javaScriptEnabled: false });
  return context.newPage();
}

const details = (page: Page) => page.getByRole("region", { name: "Details" });
const responses = (page: Page) => page.getByRole("region", { name: "Responses" });

test.describe("who may see a request", () => {
  test("a request of another organization is the same 404 as one that does not exist", async ({ page }) => {
    await signInAs(page, "alice@acme.test");
    const forbidden = await page.goto("/requests/1002");
    expect(forbidden?.status()).toBe(404);
    const forbiddenText = await page.getByRole("main").innerText();
    const forbiddenTitle = await page.title();
    await expect(page.getByRole("heading", { level: 1, name: "Not found" })).toBeVisible();
    await expect(page.getByText("Invoice INV-20931")).toHaveCount(0);

    const missing = await page.goto("/requests/999999");
    expect(missing?.status()).toBe(404);
    expect(await page.getByRole("main").innerText()).toBe(forbiddenText);
    expect(await page.title()).toBe(forbiddenTitle);

    for (const notAnId of ["abc", "0", "1e3"]) {
      expect((await page.goto(`/requests/${notAnId}`))?.status()).toBe(404);
    }
  });

  test("bob sees a request he is CC'd on, with its details and responses", async ({ page }) => {
    await signInAs(page, "bob@acme.test");
    await page.goto("/requests/1053");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Need a fourth allowed embed domain");
    await expect(page).toHaveTitle("#1053 Need a fourth allowed embed domain · Portico");
    const panel = details(page);
    await expect(panel.getByText("On-hold", { exact: true })).toBeVisible();
    await expect(panel.getByText("Reason: Waiting for the account team to contact the requester")).toBeVisible();
    await expect(panel.getByText("S3-Tolerable")).toBeVisible();
    await expect(panel.getByText("Alice Whitmore")).toBeVisible();
    await expect(panel.getByText("Bob Nakamura")).toBeVisible();
    await expect(panel.getByText("Acme Corporation")).toBeVisible();
    await expect(panel.getByText(/Update while on hold within 5 days/)).toBeVisible();
    await expect(panel.getByText(/Next update due|Overdue since/)).toBeVisible();
    await expect(responses(page).getByText("Could they also include the price of the unlimited-domains option?")).toBeVisible();
    // A CC may reply, but not manage the CCs.
    await expect(page.getByRole("textbox", { name: "Your reply" })).toBeVisible();
    await expect(page.getByRole("button", { name: /^Remove/ })).toHaveCount(0);
  });

  test("internal notes never appear to a customer", async ({ page }) => {
    await signInAs(page, "carol@acme.test");
    for (const id of [1013, 1035, 1066]) {
      await page.goto(`/requests/${id}`);
      await expect(responses(page)).toBeVisible();
      expect((await page.content()).toLowerCase()).not.toContain(INTERNAL_ONLY_WORD);
    }
    // Carol reads through organization-level access: no reply form.
    await expect(page.getByRole("textbox", { name: "Your reply" })).toHaveCount(0);
    await expect(page.getByText(/through organization-level access/)).toBeVisible();
  });
});

test.describe("what a request shows", () => {
  test("a chat transcript is shown as a chat, labelled, among the replies", async ({ page }) => {
    await signInAs(page, "alice@acme.test");
    await page.goto("/requests/1043");
    const chat = responses(page).getByRole("region", { name: /^Chat transcript · / });
    await expect(chat).toHaveCount(1);
    await expect(chat.getByRole("listitem")).toHaveCount(6);
    await expect(chat.getByText("Can we avoid that? Half the team is remote.")).toBeVisible();
    await expect(chat.getByText("Morgan Ellis").first()).toBeVisible();
    // The demo data's reply that reopened it while it was Solved.
    await expect(responses(page).getByText("Reopened by this reply")).toBeVisible();
  });

  test("a merged request links to its target, and the target lists it", async ({ page }) => {
    await signInAs(page, "alice@acme.test");
    await page.goto("/requests/1033");
    await expect(page.getByRole("main").getByText("Merged", { exact: true })).toBeVisible();
    await expect(details(page).getByText("Solved", { exact: true })).toBeVisible();
    await details(page).getByRole("link", { name: /#1032 Board Pack PDF export fails/ }).click();
    await expect(page).toHaveURL(/\/requests\/1032$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Board Pack PDF export fails");
    await expect(details(page).getByRole("link", { name: "#1033 PDF export error R-504" })).toBeVisible();
  });

  test("reclassifications show with their reasons", async ({ page }) => {
    await signInAs(page, "bob@acme.test");
    await page.goto("/requests/1052");
    const panel = details(page);
    await expect(panel.getByText("S2-High → S3-Tolerable")).toBeVisible();
    await expect(panel.getByText("Impact reduced: duplicates merged and the IdP team paused further userName changes")).toBeVisible();
    await expect(panel.getByText(/bug reported: ENG-4821, agreed priority S3-Tolerable, estimated resolution/)).toBeVisible();
  });

  test("a request page with a chat and replies has no accessibility violations", async ({ page }) => {
    await signInAs(page, "alice@acme.test");
    await page.goto("/requests/1043");
    await expect(responses(page)).toBeVisible();
    await expectAccessible(page);
  });
});

test.describe("bob's own requests", () => {
  test("a reply renders Markdown, shows HTML as inert text, and reopens a Solved request", async ({ page }) => {
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await signInAs(page, "bob@acme.test");
    await page.goto("/requests/1016");
    await expect(details(page).getByText("Solved", { exact: true })).toBeVisible();

    const marker = `reply-${Date.now()}`;
    await page.getByRole("textbox", { name: "Your reply" }).fill(
      `The handshake fails again **${marker}**.\n\n<script>alert("xss")</script> <img src=x onerror="alert('xss')">\n\n[details](javascript:alert('xss'))`,
    );
    await page.getByRole("button", { name: "Send reply" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Your reply was sent and the request was reopened." })).toBeVisible();
    await expect(page.getByRole("textbox", { name: "Your reply" })).toHaveValue("");

    const reply = responses(page).getByRole("article").filter({ hasText: marker });
    await expect(reply.locator("strong", { hasText: marker })).toBeVisible();
    await expect(reply.getByText("Reopened by this reply")).toBeVisible();
    // Markup typed into a reply is shown as the text it is, never run.
    await expect(reply.getByText(`<script>alert("xss")</script> <img src=x onerror="alert('xss')">`)).toBeVisible();
    await expect(reply.locator("script, img, [onerror]")).toHaveCount(0);
    await expect(reply.getByText("details", { exact: true })).toBeVisible();
    await expect(reply.locator('[href*="javascript" i]')).toHaveCount(0);
    await expect(details(page).getByText("Open", { exact: true })).toBeVisible();
    await expect(details(page).getByText(/First response within|Next response within/)).toBeVisible();

    await page.reload();
    await expect(responses(page).getByRole("article").filter({ hasText: marker }).getByText("Reopened by this reply")).toBeVisible();
    expect(dialogs).toEqual([]);
  });

  test("an empty reply shows an error and keeps what was typed", async ({ page }) => {
    await signInAs(page, "bob@acme.test");
    await page.goto("/requests/1029");
    const field = page.getByRole("textbox", { name: "Your reply" });
    await field.fill("   ");
    await page.getByRole("button", { name: "Send reply" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Write a reply before sending it." })).toBeVisible();
    await expect(field).toHaveAttribute("aria-invalid", "true");
    await expect(field).toHaveValue("   ");
    await expect(details(page).getByText("Solved", { exact: true })).toBeVisible();
  });

  test("bob adds and removes a CC on his request", async ({ page }) => {
    await signInAs(page, "bob@acme.test");
    await page.goto("/requests/1064");
    const panel = details(page);
    await panel.getByLabel("Add a CC").selectOption({ label: "Erin Yoon (erin@acme.test)" });
    await panel.getByRole("button", { name: "Add", exact: true }).click();
    await expect(panel.getByRole("status").filter({ hasText: "CC added." })).toBeVisible();
    const remove = panel.getByRole("button", { name: "Remove Erin Yoon" });
    await expect(remove).toBeVisible();
    // Not offered twice; Globex people are never offered.
    await expect(panel.getByLabel("Add a CC").locator("option", { hasText: "Erin Yoon" })).toHaveCount(0);
    await expect(panel.getByLabel("Add a CC").locator("option", { hasText: "globex" })).toHaveCount(0);

    await remove.click();
    await expect(panel.getByRole("status").filter({ hasText: "CC removed." })).toBeVisible();
    await expect(panel.getByRole("button", { name: "Remove Erin Yoon" })).toHaveCount(0);
    await expect(panel.getByLabel("Add a CC").locator("option", { hasText: "Erin Yoon" })).toHaveCount(1);
  });
});

test.describe("without JavaScript", () => {
  test("bob replies and manages CCs with plain forms", async ({ browser, page }) => {
    const plain = await withoutJavaScript(browser, page, "bob@acme.test");
    try {
      await plain.goto("/requests/1004");
      const marker = `plain-${Date.now()}`;
      await plain.getByRole("textbox", { name: "Your reply" }).fill(`Still looking for the *timezone* setting ${marker}`);
      await plain.getByRole("button", { name: "Send reply" }).click();
      await expect(plain.getByText("Your reply was sent and the request was reopened.")).toBeVisible();
      const reply = responses(plain).getByRole("article").filter({ hasText: marker });
      await expect(reply.locator("em", { hasText: "timezone" })).toBeVisible();
      await expect(reply.getByText("Reopened by this reply")).toBeVisible();

      await plain.goto("/requests/1064");
      await details(plain).getByLabel("Add a CC").selectOption({ label: "Dave Whitfield (dave@acme.test)" });
      await details(plain).getByRole("button", { name: "Add", exact: true }).click();
      await expect(details(plain).getByText("CC added.")).toBeVisible();
      await details(plain).getByRole("button", { name: "Remove Dave Whitfield" }).click();
      await expect(details(plain).getByText("CC removed.")).toBeVisible();
      await expect(details(plain).getByRole("button", { name: "Remove Dave Whitfield" })).toHaveCount(0);
    } finally {
      await plain.context().close();
    }
  });
});

test.describe("in Korean and Italian", () => {
  /** Signs in (the fixture speaks English), then picks the language as the language switch would. */
  async function signInIn(page: Page, email: string, locale: "ko" | "it") {
    await signInAs(page, email);
    await page.context().addCookies([{ name: "portico-locale", value: locale, url: page.url() }]);
  }

  test("a merged request uses the glossary's Korean terms and links to its target", async ({ page }) => {
    await signInIn(page, "bob@acme.test", "ko");
    await page.goto("/requests/1041");
    const panel = page.getByRole("region", { name: "티켓 세부정보" });
    await expect(panel).toBeVisible();
    await expect(page.getByRole("region", { name: "티켓 응답" })).toBeVisible();
    await expect(page.getByRole("main").getByText("병합됨", { exact: true })).toBeVisible();
    await expect(panel.getByText("해결됨", { exact: true })).toBeVisible();
    await expect(panel.getByText("상태", { exact: true })).toBeVisible();
    await expect(panel.getByText("우선순위", { exact: true })).toBeVisible();
    await expect(panel.getByRole("link", { name: /#1039 Scheduled reports not delivered/ })).toBeVisible();
  });

  test("a chat transcript is labelled in Italian", async ({ page }) => {
    await signInIn(page, "alice@acme.test", "it");
    await page.goto("/requests/1043");
    await expect(page.getByRole("region", { name: "Dettagli" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Risposte" }).getByRole("region", { name: /^Trascrizione della chat · / })).toBeVisible();
    await expect(page.getByText("Riaperta da questa risposta")).toBeVisible();
  });
});
