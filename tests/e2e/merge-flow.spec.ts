import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { openRequest, signIn } from "./fixtures";
import { expectAccessible } from "./accessibility";

// Merges people understand (docs/product.md §4.3), from both customers' side: dave and erin of acme each
// open a request about the same problem; the agent merges dave's into erin's after seeing both, with a
// public comment on each. Dave's request then takes no more replies and says where the conversation
// continues; erin's thread shows where dave's joined it. Writes: one new request each of dave's and
// erin's, merged (no other spec counts theirs).

/** A request of globex's (jiho's), which no acme request may be merged into. */
const OTHER_ORGANIZATION_REQUEST = 1042;
/** In the light theme and in the dark one (the system's setting), the page has no accessibility violations. */
async function expectNoAxeViolations(page: Page) {
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await expectAccessible(page, { message: colorScheme });
  }
  await page.emulateMedia({ colorScheme: "light" });
}

test("an agent merges one customer's request into another's after confirming both, and both customers see where the conversation went", async ({ browser }) => {
  // Three people sign in one after the other, and axe runs on four pages.
  test.setTimeout(120_000);
  const word = randomUUID().slice(0, 8);
  const daveSubject = `Report tiles stay blank (${word})`;
  const erinSubject = `Dashboard tiles empty since Monday (${word})`;

  const dave = await (await browser.newContext({ locale: "en-US" })).newPage();
  await signIn(dave, "dave@acme.test");
  await expect(dave).toHaveURL(/\/requests$/);
  const source = await openRequest(dave, { subject: daveSubject, description: "Every report tile is blank this morning.", priority: "S3-Tolerable" });

  const erin = await (await browser.newContext({ locale: "en-US" })).newPage();
  await signIn(erin, "erin@acme.test");
  await expect(erin).toHaveURL(/\/requests$/);
  const target = await openRequest(erin, { subject: erinSubject, description: "Our dashboard tiles have been empty since Monday.", priority: "S3-Tolerable" });

  // The agent chooses erin's request, sees both side by side, and confirms with a comment on each.
  const agent = await (await browser.newContext({ locale: "en-US" })).newPage();
  await signIn(agent, "agent@portico.test", `/agent/requests/${source}`);
  await agent.getByRole("button", { name: "Merge into another request…" }).click();
  const dialog = agent.getByRole("dialog", { name: `Merge #${source} into another request` });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Review the merge" }).click();
  await expect(dialog.getByRole("alert").first()).toHaveText("Choose a request to merge into, or type its number.");
  // A request of another organization: the server refuses, and what the agent wrote stays.
  await dialog.getByLabel("Or type a request number").fill(String(OTHER_ORGANIZATION_REQUEST));
  await dialog.getByRole("button", { name: "Review the merge" }).click();
  await expect(dialog.getByRole("heading", { name: "Continues in" }).locator("..")).toContainText("Not among the recent requests listed");
  const onSource = `This is the same problem as #${target}; we carry on there.`;
  await dialog.getByLabel(`Public comment on #${source} (optional)`).fill(onSource);
  await dialog.getByRole("button", { name: `Merge #${source} into #${OTHER_ORGANIZATION_REQUEST}` }).click();
  await expect(dialog.getByRole("alert").last()).toHaveText("Only requests of the same organization can be merged.");
  await expect(dialog.getByLabel(`Public comment on #${source} (optional)`)).toHaveValue(onSource);
  await dialog.getByRole("button", { name: "Back" }).click();
  await dialog.getByLabel("Or type a request number").fill("");
  await dialog.getByLabel("Recent requests of this organization").selectOption({ label: `#${target} ${erinSubject}` });
  await dialog.getByRole("button", { name: "Review the merge" }).click();
  await expect(dialog.getByRole("heading", { name: "Confirm the merge" })).toBeFocused();
  const merged = dialog.getByRole("heading", { name: "Merged (becomes Solved)" }).locator("..");
  const continues = dialog.getByRole("heading", { name: "Continues in" }).locator("..");
  await expect(merged).toContainText(`#${source}`);
  await expect(merged).toContainText(daveSubject);
  await expect(merged).toContainText("Dave Whitfield");
  await expect(merged).toContainText("Open");
  await expect(continues).toContainText(`#${target}`);
  await expect(continues).toContainText(erinSubject);
  await expect(continues).toContainText("Erin Yoon");
  await expect(continues).toContainText("Open");
  await expect(dialog.getByLabel(`Public comment on #${source} (optional)`)).toHaveValue(onSource);
  await dialog.getByLabel(`Public comment on #${target} (optional)`).fill(`Dave Whitfield reported the same in #${source}.`);
  await expectNoAxeViolations(agent);
  await dialog.getByRole("button", { name: `Merge #${source} into #${target}` }).click();
  await expect(agent.getByRole("region", { name: "Event log" }).getByText(`Merged into #${target}`)).toBeVisible();
  // Merged once: no merge is offered on it any more.
  await expect(agent.getByRole("button", { name: "Merge into another request…" })).toHaveCount(0);

  // Dave: no reply box and no chat link, but where the conversation continues, with the link.
  await dave.goto(`/requests/${source}`);
  const notice = dave.getByText(`This request was merged into #${target} ${erinSubject}. The conversation continues there.`);
  await expect(notice).toBeVisible();
  await expect(dave.getByText(`This is the same problem as #${target}; we carry on there.`)).toBeVisible();
  await expect(dave.getByRole("form", { name: "Reply" })).toHaveCount(0);
  await expect(dave.getByRole("textbox")).toHaveCount(0);
  await expect(dave.getByRole("link", { name: "Chat with support" })).toHaveCount(0);
  await expectNoAxeViolations(dave);
  await notice.getByRole("link", { name: `#${target} ${erinSubject}` }).click();
  await expect(dave).toHaveURL(new RegExp(`/requests/${target}$`));
  // He takes part there: his reply goes on in erin's request.
  await expect(dave.getByRole("form", { name: "Reply" })).toBeVisible();

  // Dave's My Requests: Solved, and where it went.
  await dave.goto("/requests");
  const row = dave.getByRole("row").filter({ hasText: daveSubject });
  await expect(row).toContainText(`Solved · merged into #${target}`);
  await expect(row.getByRole("link", { name: `merged into #${target}` })).toHaveAttribute("href", `/requests/${target}`);
  await expectNoAxeViolations(dave);

  // Erin: her thread shows, after the agent's comment, that dave's request was merged into hers.
  await erin.goto(`/requests/${target}`);
  const thread = erin.getByRole("region", { name: "Responses" });
  await expect(thread.getByText(`Dave Whitfield reported the same in #${source}.`)).toBeVisible();
  const joined = thread.getByText(`#${source} ${daveSubject} was merged into this request`);
  await expect(joined).toBeVisible();
  await expect(erin.getByRole("form", { name: "Reply" })).toBeVisible();
  await expectNoAxeViolations(erin);
  await joined.getByRole("link", { name: `#${source} ${daveSubject}` }).click();
  await expect(erin).toHaveURL(new RegExp(`/requests/${source}$`));
  await expect(erin.getByText("Every report tile is blank this morning.")).toBeVisible();
  await expect(erin.getByRole("textbox")).toHaveCount(0);

  await dave.context().close();
  await erin.context().close();
  await agent.context().close();
});
