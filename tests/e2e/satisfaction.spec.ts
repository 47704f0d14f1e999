import { expect, test, type Page } from "@playwright/test";
import { expectSignedIn, openRequest, signIn } from "./fixtures";
import { expectAccessible } from "./accessibility";

// docs/product.md §4.1 and §4.5: the requester marks their own request solved and rates the answer;
// an agent reads the rating on the request and the share of good ratings on the queue. Every request
// this spec changes is one it opens itself.

async function expectNoViolations(page: Page) {
  await expectAccessible(page);
}

test("a customer marks their request solved, rates it Bad with a comment, changes it to Good; an agent sees the rating", async ({ page, browser }) => {
  await signIn(page, "alice@acme.test");
  await expectSignedIn(page);
  const subject = `Exports finish empty ${Date.now()}`;
  const id = await openRequest(page, { subject, description: "Every CSV export since Monday has only the header row.", priority: "S3-Tolerable" });

  // Two steps: the first click says what will happen, the second one does it.
  const markSolved = page.getByRole("form", { name: "Is your problem solved?" });
  await markSolved.getByRole("button", { name: "Mark as solved", exact: true }).click();
  await expect(markSolved.getByText("Solved as agreed; you can reopen it by replying.")).toBeVisible();
  await expectNoViolations(page);
  await markSolved.getByRole("button", { name: "Yes, mark as solved" }).click();

  const details = page.getByRole("region", { name: "Details" });
  await expect(details.getByText("Solved by Alice Whitmore (marked as solved).")).toBeVisible();
  await expect(page.getByRole("button", { name: "Mark as solved", exact: true })).toHaveCount(0);

  const rating = page.getByRole("form", { name: "How was the answer?" });
  await expect(rating.getByText(/You can rate the answer until/)).toBeVisible();
  await rating.getByRole("radio", { name: "Bad" }).check();
  await rating.getByLabel("Comment (optional)").fill("The first answer did not match our setup.");
  await rating.getByRole("button", { name: "Send rating" }).click();
  await expect(rating.getByRole("status")).toHaveText("Thank you: your rating was saved.");
  await expect(rating.getByText(/^Your rating: Bad, given/)).toBeVisible();
  await expect(rating.getByText(/You can change your rating until/)).toBeVisible();
  // The form shows the rating as saved: the choice and the comment.
  await expect(rating.getByRole("radio", { name: "Bad" })).toBeChecked();
  await expect(rating.getByLabel("Comment (optional)")).toHaveValue("The first answer did not match our setup.");

  await rating.getByRole("radio", { name: "Good" }).check();
  await rating.getByRole("button", { name: "Change rating" }).click();
  await expect(rating.getByRole("status")).toHaveText("Your rating was changed.");
  await expect(rating.getByText(/^Your rating: Good, given/)).toBeVisible();
  await expectNoViolations(page);

  // The agent working the request reads the rating, who gave it and the comment.
  const agentContext = await browser.newContext();
  try {
    const agent = await agentContext.newPage();
    await signIn(agent, "agent@portico.test", `/agent/requests/${id}`);
    const summary = agent.getByRole("region", { name: "Satisfaction" });
    // The score in words beside its symbol.
    await expect(summary.getByText("Good")).toBeVisible();
    await expect(summary.getByText("Bad")).toHaveCount(0);
    await expect(summary.getByText("The first answer did not match our setup.")).toBeVisible();
    await expect(summary.getByText(/^Rated by Alice Whitmore/)).toBeVisible();
    await expect(summary.getByText(/The requester can rate or change it until/)).toBeVisible();
    await expectNoViolations(agent);

    // The queue's figure: the share of good ratings of the last 30 days, and how many there were.
    await agent.goto("/agent");
    const figure = agent.getByRole("region", { name: "Satisfaction, last 30 days" });
    await expect(figure.getByText(/^\d+% good$/)).toBeVisible();
    await expect(figure.getByText(/^\d+ ratings?: \d+ good, \d+ bad$/)).toBeVisible();
    await expect(figure.getByText("No ratings yet")).toHaveCount(0);
    await expectNoViolations(agent);
  } finally {
    await agentContext.close();
  }
});
