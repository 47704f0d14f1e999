import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "./demo-accounts";
import { signIn } from "./fixtures";
import { expectAccessible } from "./accessibility";

// Opening a request at /requests/new. Only dave@acme.test opens requests here (and CCs erin@acme.test,
// whose data belongs to the organization-access spec too), so other specs' counts stay as seeded.

const PRIORITIES = [
  ["S1-Urgent", "Complete loss of application functionality; critical impact on business operations."],
  ["S2-High", "Service operational but degraded; significant impact on business operations."],
  ["S3-Tolerable", "Service usable; the affected functions or components are not critical; most operations are unaffected."],
  ["S4-Question", "General questions, documentation requests or other non-critical system issues; operations are unaffected."],
] as const;

async function openForm(page: Page) {
  await signIn(page, "dave@acme.test", "/requests/new");
  await expect(page.getByRole("heading", { level: 1, name: "New request" })).toBeVisible();
}

const alertIn = (page: Page) => page.getByRole("main").getByRole("alert");

test("dave opens a request with a priority and a CC, and lands on its page", async ({ page }) => {
  await openForm(page);
  // Each priority shows its name and its full definition.
  for (const [label, definition] of PRIORITIES) {
    await expect(page.getByRole("radio", { name: label })).toHaveAccessibleDescription(definition);
    await expect(page.getByText(definition)).toBeVisible();
  }
  // CCs: the other members of Acme, never Globex's.
  await expect(page.getByRole("checkbox", { name: /Erin Yoon/ })).toBeVisible();
  await expect(page.getByRole("checkbox", { name: /dave@acme\.test/ })).toHaveCount(0);
  await expect(page.getByRole("checkbox", { name: /globex/ })).toHaveCount(0);

  const subject = `Nightly export stops at 02:00 (${Date.now()})`;
  await page.getByLabel("Subject").fill(subject);
  await page.getByLabel("Description").fill("The **nightly** export to SFTP stops at 02:00.\n\n1. Open Schedules\n2. Run the export");
  await page.getByRole("radio", { name: "S2-High" }).check();
  await page.getByRole("checkbox", { name: /Erin Yoon/ }).check();
  await page.getByRole("button", { name: "Submit request" }).click();

  await expect(page).toHaveURL(/\/requests\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(subject);
});

test("an incomplete request is refused with the reasons, and keeps what was typed", async ({ page }) => {
  await openForm(page);
  await page.getByLabel("Description").fill("Only a description, no subject.");
  await page.getByRole("checkbox", { name: /Erin Yoon/ }).check();
  await page.getByRole("button", { name: "Submit request" }).click();

  await expect(alertIn(page)).toContainText("The request was not submitted.");
  await expect(alertIn(page)).toBeFocused();
  await expect(page.getByLabel("Subject")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Subject")).toHaveAccessibleDescription("Enter a subject.");
  await expect(page.getByText("Choose a priority.")).toBeVisible();
  await expect(page.getByLabel("Description")).toHaveValue("Only a description, no subject.");
  await expect(page.getByRole("checkbox", { name: /Erin Yoon/ })).toBeChecked();
  await expect(page).toHaveURL(/\/requests\/new$/);

  // Fixing one field keeps the others' input through the next refusal too.
  await page.getByRole("radio", { name: "S4-Question" }).check();
  await page.getByLabel("Description").fill("");
  await page.getByLabel("Subject").fill("A subject this time");
  await page.getByRole("button", { name: "Submit request" }).click();
  await expect(page.getByText("Describe the problem or the question.")).toBeVisible();
  await expect(page.getByLabel("Subject")).toHaveValue("A subject this time");
  await expect(page.getByRole("radio", { name: "S4-Question" })).toBeChecked();
  await expect(page.getByText("Enter a subject.")).toHaveCount(0);
});

test("the form works without JavaScript", async ({ page, browser }) => {
  await openForm(page);
  const noScript = await contextWithoutJavaScript(browser, page);
  const plain = await noScript.newPage();
  await plain.goto("/requests/new");
  await plain.getByLabel("Subject").fill("Typed without JavaScript");
  await plain.getByRole("button", { name: "Submit request" }).click();
  await expect(plain.getByText("Describe the problem or the question.")).toBeVisible();
  await expect(plain.getByText("Choose a priority.")).toBeVisible();
  await expect(plain.getByLabel("Subject")).toHaveValue("Typed without JavaScript");
  await noScript.close();
});

async function contextWithoutJavaScript(browser: Browser, signedIn: Page) {
  return browser.newContext({ javaScriptEnabled: false, storageState: await signedIn.context().storageState() });
}

test("has no accessibility violations, empty and with errors", async ({ page }) => {
  await openForm(page);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Submit request" }).click();
  await expect(alertIn(page)).toBeVisible();
  await expectAccessible(page);
});

test.describe("in Italian", () => {
  // dave@acme.test has no saved language, so the browser's applies.
  test.use({ locale: "it-IT" });

  test("the validation messages are in Italian", async ({ page }) => {
    // The sign-in page is in Italian too: find its fields by name, not by their English labels.
    await page.goto("/signin");
    await page.locator('input[name="email"]').fill("dave@acme.test");
    await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Accedi", exact: true }).click();
    await expect(page).toHaveURL(/\/requests$/);

    await page.goto("/requests/new");
    await expect(page.getByRole("heading", { level: 1, name: "Nuova richiesta" })).toBeVisible();
    await expect(page.getByRole("radio", { name: "S1-Urgent" })).toBeVisible();
    await page.getByLabel("Descrizione").fill("Il report non arriva.");
    await page.getByRole("button", { name: "Invia richiesta" }).click();
    await expect(alertIn(page)).toContainText("La richiesta non è stata inviata.");
    await expect(page.getByText("Inserisci un oggetto.")).toBeVisible();
    await expect(page.getByText("Scegli una priorità.")).toBeVisible();
    await expect(page.getByLabel("Descrizione")).toHaveValue("Il report non arriva.");
  });
});
