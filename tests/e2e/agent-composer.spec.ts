import { expect, test, type Page } from "@playwright/test";
import { withE2eDatabase } from "../setup/e2e-database";
import { expectSignedIn, formsAsServed, openRequest, signIn, openAgentAction } from "./fixtures";
import { expectAccessible } from "./accessibility";

// docs/product.md §8: the agent's composer (Public reply / Internal note tabs, the status after the
// reply with only the chosen reason's fields), saved replies inserted with their placeholders filled,
// the request page's keyboard shortcuts, and a merged request shown read-only. Every request this spec
// changes is one it opens itself; demo request 1033 (merged into 1032) is only read.

const MERGED_REQUEST = 1033;

test.describe.configure({ mode: "serial" });

let requestId = 0;
const stamp = Date.now();
const savedTitle = `E2E greeting ${stamp}`;

async function expectNoViolations(page: Page) {
  await expectAccessible(page);
}

function form(page: Page, name: string) {
  return page.getByRole("form", { name, exact: true });
}

async function asAgent(page: Page) {
  await signIn(page, "agent@portico.test");
}

test("a customer opens the request the agent works on", async ({ page }) => {
  await signIn(page, "alice@acme.test");
  await expectSignedIn(page);
  requestId = await openRequest(page, { subject: `Composer check ${stamp}`, description: "The weekly digest lists last week's numbers.", priority: "S4-Question" });
});

test("an agent creates and edits a saved reply; a refused one keeps what was written", async ({ page }) => {
  await asAgent(page);
  await page.getByRole("navigation", { name: "Agent console" }).getByRole("link", { name: "Saved replies" }).click();
  await expect(page).toHaveURL(/\/agent\/saved-replies$/);
  await expect(page.getByRole("heading", { level: 1, name: "Saved replies" })).toBeVisible();
  await expectNoViolations(page);

  const create = form(page, "New saved reply");
  const body = "Hello {{requester.name}}, about #{{request.number}}: {{agent.name}} here.";
  await create.getByLabel("Text").fill(body);
  await create.getByRole("button", { name: "Create saved reply" }).click();
  await expect(create.getByRole("alert")).toHaveText("Title is required.");
  await expect(create.getByLabel("Text")).toHaveValue(body);

  await create.getByLabel("Title").fill(`${savedTitle} draft`);
  await create.getByRole("button", { name: "Create saved reply" }).click();
  await expect(create.getByRole("status")).toHaveText("Saved reply created.");
  await expect(create.getByLabel("Title")).toHaveValue("");

  await page.getByRole("link", { name: `${savedTitle} draft` }).click();
  const edit = form(page, "Edit saved reply");
  await expect(edit.getByLabel("Text")).toHaveValue(body);
  await edit.getByLabel("Title").fill(savedTitle);
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(edit.getByRole("status")).toHaveText("Saved reply updated.");
  await expectNoViolations(page);
  await page.getByRole("link", { name: "All saved replies" }).click();
  await expect(page.getByRole("link", { name: savedTitle, exact: true })).toBeVisible();
});

test("the agent inserts the saved reply with its placeholders filled, and replies On-hold through the composer", async ({ page, browser }) => {
  expect(requestId).toBeGreaterThan(0);
  await asAgent(page);
  await page.goto(`/agent/requests/${requestId}`);
  const properties = page.getByRole("region", { name: "Properties" });
  await expect(properties.getByText("alice@acme.test")).toBeVisible();
  await expect(properties.getByText("Acme Corporation", { exact: true })).toBeVisible();

  const replyTab = page.getByRole("tab", { name: "Public reply" });
  await expect(replyTab).toHaveAttribute("aria-selected", "true");
  const reply = form(page, "Public reply");
  await reply.getByLabel("Insert saved reply").selectOption({ label: savedTitle });
  await reply.getByRole("button", { name: "Insert" }).click();
  const filled = `Hello Alice Whitmore, about #${requestId}: {{agent.name}} here.`;
  await expect(reply.getByLabel("Message")).toHaveValue(filled);
  await expect(reply.getByLabel("Message")).toBeFocused();
  // The message previews as the requester will read it (Markdown, sanitized); Write gives it back.
  await reply.getByRole("tab", { name: "Preview" }).click();
  await expect(reply.getByRole("tabpanel", { name: "Preview" })).toContainText(`Hello Alice Whitmore, about #${requestId}`);
  await reply.getByRole("tab", { name: "Write" }).click();
  await expect(reply.getByLabel("Message")).toHaveValue(filled);

  // Only the chosen status's reason is asked for.
  const then = reply.getByLabel("Status after the reply");
  await expect(then).toHaveValue("pending");
  await expect(reply.getByLabel("Hold reason")).toHaveCount(0);
  await then.selectOption("solved");
  await expect(reply.getByLabel("How it was solved")).toBeVisible();
  await expect(reply.getByLabel("Bug reference")).toHaveCount(0);
  await reply.getByLabel("How it was solved").selectOption("bug_reported");
  await expect(reply.getByLabel("Bug reference")).toBeVisible();
  await then.selectOption("on_hold");
  await expect(reply.getByLabel("How it was solved")).toHaveCount(0);
  await expect(reply.getByLabel("Other reason (your words)")).toHaveCount(0);
  await reply.getByLabel("Hold reason").selectOption("other");
  await expect(reply.getByLabel("Other reason (your words)")).toBeVisible();
  await reply.getByLabel("Hold reason").selectOption("with_engineering");
  await expectNoViolations(page);
  await reply.getByRole("button", { name: "Send reply" }).click();
  await expect(reply.getByRole("status")).toHaveText("Reply sent.");
  await expect(page.getByRole("heading", { level: 1 }).locator("..").getByText("On-hold", { exact: true })).toBeVisible();

  // The tabs follow the arrow keys; the note goes in the other one.
  await replyTab.focus();
  await page.keyboard.press("ArrowRight");
  const noteTab = page.getByRole("tab", { name: "Internal note" });
  await expect(noteTab).toBeFocused();
  await expect(noteTab).toHaveAttribute("aria-selected", "true");
  await expect(reply).toBeHidden();
  const note = form(page, "Internal note");
  await note.getByLabel("Internal note (only agents see it)").fill(`Composer note ${stamp}`);
  await note.getByRole("button", { name: "Add internal note" }).click();
  await expect(note.getByRole("status")).toHaveText("Internal note added.");

  const alice = await browser.newContext();
  try {
    const customer = await alice.newPage();
    await signIn(customer, "alice@acme.test", `/requests/${requestId}`);
    await expect(customer.getByText(filled)).toBeVisible();
    await expect(customer.getByText(`Composer note ${stamp}`)).toHaveCount(0);
  } finally {
    await alice.close();
  }
});

test("r, n and ? on the request page: the reply, the note and the list of shortcuts, never while typing", async ({ page }) => {
  expect(requestId).toBeGreaterThan(0);
  await asAgent(page);
  await page.goto(`/agent/requests/${requestId}`);
  await expect(page.getByRole("tab", { name: "Public reply" })).toHaveAttribute("aria-selected", "true");

  const noteTab = page.getByRole("tab", { name: "Internal note" });
  const noteField = form(page, "Internal note").getByLabel("Internal note (only agents see it)");
  // The shortcuts listen once the page is interactive; a key pressed before that does nothing, so it
  // is pressed again until it is heard, and never once the note is open (it would be typed there).
  await expect(async () => {
    if ((await noteTab.getAttribute("aria-selected")) !== "true") await page.keyboard.press("n");
    await expect(noteField).toBeFocused({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await expect(noteTab).toHaveAttribute("aria-selected", "true");
  // Typing: the keys are the agent's text.
  await page.keyboard.type("rn?");
  await expect(noteField).toHaveValue("rn?");
  await expect(noteField).toBeFocused();
  await expect(page.getByRole("dialog")).toHaveCount(0);

  await noteField.blur();
  await page.keyboard.press("r");
  await expect(form(page, "Public reply").getByLabel("Message")).toBeFocused();

  await form(page, "Public reply").getByLabel("Message").blur();
  await page.keyboard.press("?");
  const shortcuts = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(shortcuts).toBeVisible();
  await expect(shortcuts.getByText("Write an internal note")).toBeVisible();
  await expectNoViolations(page);
  await shortcuts.getByRole("button", { name: "Close" }).click();
  await expect(shortcuts).toBeHidden();
});

test("a reminder is offered on a Pending request only, and a customer replaying it changes nothing", async ({ page, browser }) => {
  expect(requestId).toBeGreaterThan(0);
  await asAgent(page);
  await page.goto(`/agent/requests/${requestId}`);
  // On-hold now: no reminder.
  await expect(form(page, "Send a reminder")).toHaveCount(0);
  const reply = form(page, "Public reply");
  await reply.getByLabel("Message").fill("Could you tell us which report shows it?");
  await reply.getByRole("button", { name: "Send reply" }).click();
  await expect(reply.getByRole("status")).toHaveText("Reply sent.");
  // Offered now, folded under its heading with the other secondary actions.
  await openAgentAction(page, "Send a reminder");

  const marker = `e2e-reminder-tampered-${stamp}`;
  const served = await formsAsServed(
    browser,
    "agent@portico.test",
    `/agent/requests/${requestId}`,
    'form[aria-labelledby]:has(input[name=requestId]):has(button:has-text("Send reminder"))',
  );
  expect(served).toHaveLength(1);
  const [reminder] = served;
  const alice = await browser.newContext();
  try {
    const customer = await alice.newPage();
    await signIn(customer, "alice@acme.test");
    await expectSignedIn(customer);
    const response = await customer.request.post(`/agent/requests/${requestId}`, { multipart: { ...reminder, body: marker } });
    expect(response.status()).toBe(404);
  } finally {
    await alice.close();
  }
  await page.reload();
  await expect(page.getByText(marker)).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Event log" }).getByText(/Reminder #/)).toHaveCount(0);

  // The agent's own reminder is theirs. The automation's is signed by an agent account but written by
  // nobody, recorded with no actor: the page says the automation wrote it.
  await openAgentAction(page, "Send a reminder");
  const send = form(page, "Send a reminder");
  const words = `Just checking in on the report (${stamp}).`;
  await send.getByLabel("Message").fill(words);
  await send.getByRole("button", { name: "Send reminder" }).click();
  await expect(send.getByRole("status")).toHaveText("Reminder sent.");
  await page.reload();
  const written = page.getByRole("article").filter({ hasText: words });
  await expect(written.getByRole("heading", { level: 3 })).toHaveText("Morgan Ellis");
  await withE2eDatabase((db) => db.query(`UPDATE "RequestEvent" SET "actorId" = NULL WHERE "requestId" = $1 AND type = 'reminder_sent'`, [requestId]));
  await page.reload();
  await expect(written.getByRole("heading", { level: 3 })).toHaveText("Automatic reminder");
  await expect(page.getByRole("region", { name: "Event log" }).locator("li[data-event-type=reminder_sent]")).toContainText("Automation ·");
});

test("a merged request is read-only: no composer, no properties to change, no action", async ({ page }) => {
  await asAgent(page);
  await page.goto(`/agent/requests/${MERGED_REQUEST}`);
  await expect(page.getByText(`This request was merged into #1032`)).toBeVisible();
  await expect(page.getByRole("tablist")).toHaveCount(0);
  for (const name of ["Public reply", "Internal note", "Put On-hold", "Solve", "Send a reminder", "Reclassify priority", "Assign"]) {
    await expect(form(page, name)).toHaveCount(0);
  }
  await expect(page.getByRole("button", { name: "Merge into another request…" })).toHaveCount(0);
  await expectNoViolations(page);
});

test("saved replies do not exist for a customer", async ({ page }) => {
  await signIn(page, "alice@acme.test");
  await expectSignedIn(page);
  expect((await page.goto("/agent/saved-replies"))?.status()).toBe(404);
});
