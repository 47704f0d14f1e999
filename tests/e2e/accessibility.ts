import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** What every page is held to: WCAG 2.2 up to level AA, colour contrast included. */
const WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/**
 * The rules a colour scheme can change: the dark theme is the same markup and layout with other colours
 * (globals.css), so the rest of WCAG_22_AA holds in it exactly when it holds in the light one.
 */
export const COLOUR_RULES = ["color-contrast", "link-in-text-block"];

interface AxeScope {
  /**
   * Check the page's own markup and leave its frames out: a frame holding a mail's HTML is the sender's markup, and
   * its sandbox runs no script, so axe could not run in it.
   */
  withoutFrames?: boolean;
  /** Only these rules (axe's ids), where the page was already checked against the rest. */
  rules?: readonly string[];
}

/**
 * The page's accessibility violations as it stands, each as its rule and the elements breaking it, so a failure names
 * what to mend. Each live refresh has the framework take the page's title out of the head and put it back, at times
 * one commit later: axe may look in between and find no title. Then the page must show its title again, and axe looks
 * once more.
 */
export async function accessibilityViolations(page: Page, { withoutFrames = false, rules }: AxeScope = {}): Promise<string[]> {
  // Legacy mode runs axe once in the page (and its same-origin frames; the app has no others), where the default mode
  // also opens a blank page to merge the frames' results: 0.9 instead of 1.7 s of CPU per check of a request page.
  const builder = (rules ? new AxeBuilder({ page }).withRules([...rules]) : new AxeBuilder({ page }).withTags(WCAG_22_AA)).setLegacyMode();
  if (withoutFrames) builder.options({ iframes: false });
  let { violations } = await builder.analyze();
  if (violations.some((violation) => violation.id === "document-title")) {
    await expect(page).toHaveTitle(/\S/);
    ({ violations } = await builder.analyze());
  }
  return violations.map(({ id, nodes }) => `${id}: ${nodes.map((node) => node.target.join(" ")).join(", ")}`);
}

/** The page as it stands has no accessibility violations; `message` tells which state of the page was checked. */
export async function expectAccessible(page: Page, scope: AxeScope & { message?: string } = {}): Promise<void> {
  expect(await accessibilityViolations(page, scope), scope.message).toEqual([]);
}
