import { expect, test } from "@playwright/test";
import { signIn } from "./fixtures";

// Merging (docs/product.md §4.3): gina@globex.test opens a request about the CSV date format that jiho's
// #1042 already covers, and the agent merges it there. Writes: one new request of gina's (no other
// spec counts hers) and a merge link on #1042 (no other spec reads it).

const TARGET = 1042;
const TARGET_SUBJECT = "CSV 내보내기 시 날짜 형식이 바뀝니다";

test("an agent merges two requests of one organization, and the customers of both follow the links", async ({ page, browser }) => {
  // Three people sign in one after the other: more than the default allows on a busy machine.
  test.setTimeout(60_000);
  const gina = await (await browser.newContext({ locale: "en-US" })).newPage();
  await signIn(gina, "gina@globex.test", "/requests/new");
  const subject = `CSV dates come out as M/D/YY (${Date.now()})`;
  await gina.getByLabel("Subject").fill(subject);
  await gina.getByLabel("Description").fill("Our CSV exports switched to M/D/YY dates; we need YYYY-MM-DD.");
  await gina.getByRole("radio", { name: "S4-Question" }).check();
  await gina.getByRole("button", { name: "Submit request" }).click();
  await expect(gina).toHaveURL(/\/requests\/\d+$/);
  const source = Number(new URL(gina.url()).pathname.split("/").pop());

  await signIn(page, "agent@portico.test", `/agent/requests/${source}`);
  // The merge asks for confirmation: the request typed by number, then both requests shown.
  await page.getByRole("button", { name: "Merge into another request…" }).click();
  const merge = page.getByRole("dialog", { name: `Merge #${source} into another request` });
  await merge.getByLabel("Or type a request number").fill(`#${TARGET}`);
  await merge.getByLabel("Or type a request number").press("Enter");
  await expect(merge.getByRole("heading", { name: "Confirm the merge" })).toBeVisible();
  await expect(merge.getByRole("heading", { name: "Continues in" }).locator("..")).toContainText(`#${TARGET}`);
  await merge.getByRole("button", { name: `Merge #${source} into #${TARGET}` }).click();
  await expect(page.getByRole("region", { name: "Event log" }).getByText(`Merged into #${TARGET}`)).toBeVisible();
  // Merged once: the page offers no second merge.
  await expect(page.getByRole("button", { name: "Merge into another request…" })).toHaveCount(0);

  // gina: her request is Solved (merged) and links to #1042, where her conversation continues.
  await gina.goto(`/requests/${source}`);
  await expect(gina.getByText(`Solved — merged into #${TARGET} ${TARGET_SUBJECT}.`)).toBeVisible();
  // No reply box: the page says where the conversation continues (the link there, and in the details).
  await expect(gina.getByRole("form", { name: "Reply" })).toHaveCount(0);
  await expect(gina.getByText(`This request was merged into #${TARGET} ${TARGET_SUBJECT}. The conversation continues there.`)).toBeVisible();
  await gina.getByRole("link", { name: `#${TARGET} ${TARGET_SUBJECT}` }).first().click();
  await expect(gina).toHaveURL(new RegExp(`/requests/${TARGET}$`));
  await expect(gina.getByRole("heading", { level: 1 })).toContainText(TARGET_SUBJECT);
  // The target lists gina's request in its details, and its thread shows where it joined.
  await expect(gina.getByRole("region", { name: "Details" }).getByRole("link", { name: `#${source} ${subject}` })).toBeVisible();
  await expect(gina.getByRole("region", { name: "Responses" }).getByText(`#${source} ${subject} was merged into this request`)).toBeVisible();
  await expect(gina.getByRole("form", { name: "Reply" })).toBeVisible();

  // jiho (Korean): #1042 lists gina's request, and the link opens it — to read, not to reply.
  const jiho = await (await browser.newContext()).newPage();
  await signIn(jiho, "jiho@globex.test", `/requests/${TARGET}`);
  await jiho.getByRole("region", { name: "티켓 응답" }).getByRole("link", { name: `#${source} ${subject}` }).click();
  await expect(jiho).toHaveURL(new RegExp(`/requests/${source}$`));
  await expect(jiho.getByRole("heading", { level: 1 })).toContainText(subject);
  await expect(jiho.getByText("Our CSV exports switched to M/D/YY dates; we need YYYY-MM-DD.")).toBeVisible();
  await expect(jiho.getByRole("textbox")).toHaveCount(0);
  await expect(jiho.getByText(`#${TARGET} 요청과의 병합 링크를 통해 이 병합된 요청을 볼 수 있습니다.`)).toBeVisible();

  await gina.context().close();
  await jiho.context().close();
});
