import type AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

type AxeResults = Awaited<ReturnType<AxeBuilder["analyze"]>>;

/**
 * axe's findings on the page as it stands. Each live refresh has the framework take the page's title
 * out of the head and put it back, at times one commit later: axe may look in between and find no
 * title. Then the page must show its title again, and axe looks once more.
 */
export async function analyzed(page: Page, builder: AxeBuilder): Promise<AxeResults> {
  const results = await builder.analyze();
  if (!results.violations.some((violation) => violation.id === "document-title")) return results;
  await expect(page).toHaveTitle(/\S/);
  return builder.analyze();
}
