import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectSignedIn, signIn } from "./fixtures";
import { expectAccessible } from "./accessibility";

// Files uploaded from the forms, ahead of their message. Only dave@acme.test opens requests here (as
// in the new-request spec), and the agent writes an internal note only on a request opened here.

const KB = 1024;

test.describe.configure({ mode: "serial" });

const textFile = (name: string, bytes: number) => ({ name, mimeType: "text/plain", buffer: Buffer.alloc(bytes, "log line\n") });

async function openForm(page: Page) {
  await signIn(page, "dave@acme.test", "/requests/new");
  await expect(page.getByRole("heading", { level: 1, name: "New request" })).toBeVisible();
}

async function fillRequest(page: Page, subject: string) {
  await page.getByLabel("Subject").fill(subject);
  await page.getByLabel("Description").fill("The nightly export stops halfway; its log and a screenshot are attached.");
  await page.getByRole("radio", { name: "S3-Tolerable" }).check();
}

/** What the picker's live region said last. */
const announced = (page: Page) => page.locator("[data-attachment-announcements]");
const files = (page: Page) => page.getByRole("list", { name: "Attached files" });
const row = (page: Page, name: string) => files(page).getByRole("listitem").filter({ hasText: name });

/** Holds every upload until the returned function is called, so that the page can be seen mid-upload. */
async function holdUploads(page: Page): Promise<() => void> {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/api/attachments", async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

let openedRequest = 0;

test("a customer attaches two files, removes one and sends the request with the other", async ({ page }) => {
  await openForm(page);
  const subject = `Export log attached (${Date.now()})`;
  await fillRequest(page, subject);

  const release = await holdUploads(page);
  await page.getByLabel("Attach files").setInputFiles([textFile("export.log", 12 * KB), textFile("screenshot.txt", 300)]);
  // While a file uploads: its progress, and the button waits, saying why.
  await expect(row(page, "export.log").getByRole("progressbar")).toBeVisible();
  await expect(row(page, "export.log")).toContainText("Uploading…");
  const submit = page.getByRole("button", { name: "Submit request" });
  await expect(submit).toBeDisabled();
  await expect(submit).toHaveAccessibleDescription("Sending waits until every file has finished uploading.");
  release();

  await expect(row(page, "export.log")).toContainText("12 kB");
  await expect(row(page, "export.log")).toContainText("Ready");
  await expect(row(page, "screenshot.txt")).toContainText("300 byte");
  await expect(row(page, "screenshot.txt")).toContainText("Ready");
  await expect(announced(page)).toHaveText(/is ready\.$/);
  await expect(submit).toBeEnabled();

  await page.getByRole("button", { name: "Remove screenshot.txt" }).click();
  await expect(files(page).getByRole("listitem")).toHaveCount(1);
  // The focus goes back to the chooser, and the removal is announced.
  await expect(page.getByLabel("Attach files")).toBeFocused();
  await expect(announced(page)).toHaveText("screenshot.txt removed.");

  await submit.click();
  await expect(page).toHaveURL(/\/requests\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(subject);
  openedRequest = Number(new URL(page.url()).pathname.split("/").pop());
  // The thread lists the file sent with the description, and only that one.
  await expect(page.getByRole("link", { name: "export.log" })).toBeVisible();
  await expect(page.getByText("screenshot.txt")).toHaveCount(0);
});

test("the customer's reply carries a file, and the reply form's list empties once sent", async ({ page }) => {
  expect(openedRequest).toBeGreaterThan(0);
  await signIn(page, "dave@acme.test", `/requests/${openedRequest}`);
  const reply = page.getByRole("form", { name: "Reply" });
  await reply.getByLabel("Attach files").setInputFiles([textFile("retry.log", 4 * KB)]);
  await expect(reply.getByRole("listitem").filter({ hasText: "retry.log" })).toContainText("Ready");
  await reply.getByLabel("Your reply").fill("The retry failed the same way; its log is attached.");
  await reply.getByRole("button", { name: "Send reply" }).click();
  await expect(reply.getByRole("status").filter({ hasText: "Your reply was sent." })).toBeVisible();
  await expect(reply.getByRole("listitem")).toHaveCount(0);
  await expect(page.getByRole("link", { name: "retry.log" })).toBeVisible();
});

test("files dropped on the drop zone upload like chosen ones", async ({ page }) => {
  await openForm(page);
  const dataTransfer = await page.evaluateHandle(() => {
    const transfer = new DataTransfer();
    transfer.items.add(new File(["first dropped file"], "dropped-1.txt", { type: "text/plain" }));
    transfer.items.add(new File(["second dropped file"], "dropped-2.txt", { type: "text/plain" }));
    return transfer;
  });
  const zone = page.getByText("Attach files", { exact: true });
  await zone.dispatchEvent("dragenter", { dataTransfer });
  await expect(page.getByText("Drop the files to attach them.")).toBeVisible();
  await zone.dispatchEvent("drop", { dataTransfer });
  await expect(row(page, "dropped-1.txt")).toContainText("Ready");
  await expect(row(page, "dropped-2.txt")).toContainText("Ready");
  await expect(page.getByText("Drag and drop files here, or choose them with the button.")).toBeVisible();
});

test("a file over the limit is refused with its name and the limit, and what was written stays", async ({ page }) => {
  // Making and handing a 20 MB file to the browser takes most of the default time on a busy machine.
  test.setTimeout(60_000);
  await openForm(page);
  const subject = `Too large a dump (${Date.now()})`;
  await fillRequest(page, subject);
  // Held, so that the refusal is the latest announcement while it is checked.
  const release = await holdUploads(page);
  await page.getByLabel("Attach files").setInputFiles([textFile("core.dump", 20 * KB * KB + 1), textFile("small.txt", 100)]);

  await expect(row(page, "core.dump")).toContainText("Too large: the limit is 20 MB per file.");
  await expect(announced(page)).toHaveText("core.dump: Too large: the limit is 20 MB per file.");
  release();
  await expect(row(page, "small.txt")).toContainText("Ready");
  await expect(page.getByLabel("Subject")).toHaveValue(subject);

  // The refused one is removed; the request goes with the other.
  await page.getByRole("button", { name: "Remove core.dump" }).click();
  await page.getByRole("button", { name: "Submit request" }).click();
  await expect(page).toHaveURL(/\/requests\/\d+$/);
});

test("an upload cut off by the network says so, and Retry sends the file again", async ({ page }) => {
  await openForm(page);
  await page.route("**/api/attachments", (route) => route.abort("connectionreset"));
  await page.getByLabel("Attach files").setInputFiles([textFile("flaky.txt", 2 * KB)]);
  await expect(row(page, "flaky.txt")).toContainText("The upload failed: check your connection and try again.");
  // A file that failed is not sent with the message.
  await expect(page.locator('input[name="attachmentIds"]')).toHaveCount(0);

  await page.unroute("**/api/attachments");
  await page.getByRole("button", { name: "Retry flaky.txt" }).click();
  await expect(row(page, "flaky.txt")).toContainText("Ready");
  await expect(page.locator('input[name="attachmentIds"]')).toHaveCount(1);
});

test("a file the server no longer accepts is the form's error, with the text and the files kept", async ({ page }) => {
  await openForm(page);
  const subject = `Sent with a stale file (${Date.now()})`;
  await fillRequest(page, subject);
  // The server answers with an id that is no staged file of dave's, as after the file was sent elsewhere.
  await page.route("**/api/attachments", (route) =>
    route.fulfill({ status: 201, contentType: "application/json", body: JSON.stringify({ attachments: [{ id: "cstalefile000000000000000", fileName: "stale.txt", contentType: "text/plain", byteSize: 5, scanStatus: "clean" }] }) }),
  );
  await page.getByLabel("Attach files").setInputFiles([textFile("stale.txt", 5)]);
  await expect(row(page, "stale.txt")).toContainText("Ready");
  await page.getByRole("button", { name: "Submit request" }).click();

  await expect(page.getByText("A file could not be attached: it was sent already, refused or is no longer available. Remove it and try again.")).toBeVisible();
  await expect(page).toHaveURL(/\/requests\/new$/);
  await expect(page.getByLabel("Subject")).toHaveValue(subject);
  await expect(row(page, "stale.txt")).toBeVisible();
  await expect(page.getByLabel("Attach files")).toHaveAccessibleDescription(/A file could not be attached/);
});

test("the new-request form with files listed has no accessibility violations", async ({ page }) => {
  await openForm(page);
  await page.getByLabel("Attach files").setInputFiles([textFile("ready.txt", 2 * KB), textFile("empty.txt", 0)]);
  await expect(row(page, "ready.txt")).toContainText("Ready");
  await expect(row(page, "empty.txt")).toContainText("The file is empty.");
  await expectAccessible(page);
});

async function asDave(browser: Browser, run: (page: Page) => Promise<void>) {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await signIn(page, "dave@acme.test");
    await expectSignedIn(page);
    await run(page);
  } finally {
    await context.close();
  }
}

test("the agent attaches a file to an internal note, which the customer never sees", async ({ page, browser }) => {
  expect(openedRequest).toBeGreaterThan(0);
  await signIn(page, "agent@portico.test", `/agent/requests/${openedRequest}`);
  await page.getByRole("tab", { name: "Internal note" }).click();
  const note = page.getByRole("form", { name: "Internal note", exact: true });
  await note.getByLabel("Attach files").setInputFiles([textFile("idp-trace.txt", 3 * KB)]);
  await expect(note.getByRole("listitem").filter({ hasText: "idp-trace.txt" })).toContainText("Ready");
  await note.getByLabel("Internal note (only agents see it)").fill("IdP trace attached: the export job's token expires at 02:00.");
  await note.getByRole("button", { name: "Add internal note" }).click();
  await expect(note.getByRole("status").filter({ hasText: "Internal note added." })).toBeVisible();
  // Sent: the form's list starts empty again; the thread shows the file with the note.
  await expect(note.getByRole("listitem")).toHaveCount(0);
  await expect(page.getByRole("link", { name: "idp-trace.txt" })).toBeVisible();

  await asDave(browser, async (customer) => {
    await customer.goto(`/requests/${openedRequest}`);
    await expect(customer.getByRole("link", { name: "export.log" })).toBeVisible();
    await expect(customer.getByText("idp-trace.txt")).toHaveCount(0);
  });
});
