import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectSignedIn, signIn } from "./fixtures";

// The review's finding: two concurrent POSTs of the same new-request or reply form created two of
// each; only the disabled button prevented it, and only in a browser running the page's scripts.
// Each such form now carries a key made when its page was rendered (docs/SECURITY.md "Duplicate
// submissions"). Only dave@acme.test opens requests here (as in new-request.spec.ts), each with a
// word of its own, so other specs' data stays as seeded.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A word no other request has, to find this test's request by. */
function uniqueWord(): string {
  return Array.from({ length: 12 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join("");
}

async function signedInAs(browser: Browser, email: string, javaScriptEnabled: boolean) {
  const signingIn = await browser.newContext();
  const page = await signingIn.newPage();
  await signIn(page, email);
  await expectSignedIn(page);
  const context = await browser.newContext({ storageState: await signingIn.storageState(), javaScriptEnabled });
  await signingIn.close();
  return context;
}

/** dave's requests that have `word`, as My Requests finds them. */
async function requestsWith(page: Page, word: string) {
  await page.goto(`/requests?q=${word}`);
  return page.getByRole("main").locator("tbody tr");
}

const submissionKeyOf = (form: ReturnType<Page["locator"]>) => form.locator('input[type="hidden"][name="submissionKey"]').inputValue();

test("the new-request form sent twice at once opens one request, and both answers lead to it", async ({ browser }) => {
  // Without the page's scripts the form is a plain HTML form, as a browser sends it when the user
  // clicks twice before the answer arrives: nothing disables the button.
  const context = await signedInAs(browser, "dave@acme.test", false);
  try {
    const page = await context.newPage();
    await page.goto("/requests/new");
    const word = uniqueWord();
    await page.getByLabel("Subject").fill(`Sent twice ${word}`);
    await page.getByLabel("Description").fill(`The export stops halfway (${word}).`);
    await page.getByRole("radio", { name: "S3-Tolerable" }).check();
    const form = page.locator("form", { has: page.getByLabel("Subject") });
    expect(await submissionKeyOf(form)).toMatch(UUID);

    // The form's fields exactly as the browser would post them, posted twice at once with the page's cookies.
    const fields = await form.evaluate((element: HTMLFormElement) =>
      Object.fromEntries([...new FormData(element)].map(([name, value]) => [name, String(value)])),
    );
    const post = () => page.request.post("/requests/new", { multipart: fields, maxRedirects: 0 });
    const [first, second] = await Promise.all([post(), post()]);

    // Both are sent to the one request's page.
    expect([first.status(), second.status()]).toEqual([303, 303]);
    const location = first.headers().location ?? "";
    expect(location).toMatch(/\/requests\/\d+$/);
    expect(second.headers().location).toBe(location);

    await expect(await requestsWith(page, word)).toHaveCount(1);
    await page.goto(location);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(`Sent twice ${word}`);
  } finally {
    await context.close();
  }
});

test("a new-request form from a page older than its key says to reload, and opens nothing", async ({ page }) => {
  await signIn(page, "dave@acme.test", "/requests/new");
  const word = uniqueWord();
  await page.getByLabel("Subject").fill(`Without a key ${word}`);
  await page.getByLabel("Description").fill("Sent from a page rendered before forms had keys.");
  await page.getByRole("radio", { name: "S4-Question" }).check();
  // As a page still open from before this change sends it: without the hidden key.
  await page.locator('input[name="submissionKey"]').evaluate((input) => input.remove());
  await page.getByRole("button", { name: "Submit request" }).click();

  await expect(page.getByRole("main").getByRole("alert")).toContainText("This form is out of date: reload the page, then send it again.");
  await expect(page.getByLabel("Subject")).toHaveValue(`Without a key ${word}`);
  await expect(await requestsWith(page, word)).toHaveCount(0);
});

/** dave opens a request through the new-request form; its path. */
async function daveOpens(page: Page, subject: string): Promise<string> {
  await signIn(page, "dave@acme.test", "/requests/new");
  await page.getByLabel("Subject").fill(subject);
  await page.getByLabel("Description").fill("The export stops halfway.");
  await page.getByRole("radio", { name: "S4-Question" }).check();
  await page.getByRole("button", { name: "Submit request" }).click();
  await expect(page).toHaveURL(/\/requests\/\d+$/);
  return new URL(page.url()).pathname;
}

test("after each reply the reply form has a new key, so the next reply is sent too", async ({ page }) => {
  const word = uniqueWord();
  await daveOpens(page, `Replied to twice ${word}`);

  // The page is rendered again after each reply (its action revalidates it), with a new key.
  const reply = page.locator("form", { has: page.getByRole("textbox", { name: "Your reply" }) });
  const keys = [await submissionKeyOf(reply)];
  for (const text of [`First reply ${word}`, `Second reply ${word}`]) {
    await page.getByRole("textbox", { name: "Your reply" }).fill(text);
    await page.getByRole("button", { name: "Send reply" }).click();
    await expect(page.getByRole("article").filter({ hasText: text })).toHaveCount(1);
    await expect(page.getByRole("status").filter({ hasText: "Your reply was sent." })).toBeVisible();
    await expect.poll(() => submissionKeyOf(reply)).not.toBe(keys.at(-1));
    keys.push(await submissionKeyOf(reply));
  }
  expect(new Set(keys).size).toBe(3);
  for (const key of keys) expect(key).toMatch(UUID);
});

test("after each internal note the note form has a new key, so the next note is added too", async ({ page, browser }) => {
  const word = uniqueWord();
  const path = await daveOpens(page, `Noted twice ${word}`);

  const agent = await browser.newContext();
  try {
    const agentPage = await agent.newPage();
    await signIn(agentPage, "agent@portico.test", `/agent${path}`);
    await agentPage.getByRole("tab", { name: "Internal note" }).click();
    const note = agentPage.getByRole("form", { name: "Internal note", exact: true });
    const keys = [await submissionKeyOf(note)];
    // Each form that adds something has a key of its own.
    expect(await submissionKeyOf(agentPage.getByRole("form", { name: "Public reply", exact: true, includeHidden: true }))).not.toBe(keys[0]);
    for (const text of [`First note ${word}`, `Second note ${word}`]) {
      await note.getByRole("textbox").fill(text);
      await note.getByRole("button", { name: "Add internal note" }).click();
      await expect(agentPage.getByText(text, { exact: true })).toHaveCount(1);
      await expect(note.getByText("Internal note added.")).toBeVisible();
      await expect.poll(() => submissionKeyOf(note)).not.toBe(keys.at(-1));
      keys.push(await submissionKeyOf(note));
    }
    expect(new Set(keys).size).toBe(3);
  } finally {
    await agent.close();
  }
});
