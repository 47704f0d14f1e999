import { expect, test, type APIResponse, type Page } from "@playwright/test";
import { DEMO_ATTACHMENTS } from "../../prisma/seed/demo-attachments";
import { expectSignedIn, signIn } from "./fixtures";

// Downloading attachments (docs/SECURITY.md "Attachments"): the demo files for who may see them, the
// one 404 for everyone else, and hostile files — uploaded by the test and downloaded by their
// uploader while staged — served so that nothing in them runs. Read only for the demo data: staged
// files belong to nobody else and are never sent.

const demo = (requestId: number) => {
  const file = DEMO_ATTACHMENTS.find((candidate) => candidate.requestId === requestId);
  if (!file) throw new Error(`no demo file on #${requestId}`);
  return file;
};
const urlOf = (file: { id: string; fileName: string }, query = "") => `/attachments/${encodeURIComponent(file.id)}/${encodeURIComponent(file.fileName)}${query}`;

async function signInAs(page: Page, email: string) {
  await signIn(page, email);
  await expectSignedIn(page);
}

/** Clicks the file's link in the thread and reads what the browser downloaded. */
async function downloadFromThread(page: Page, fileName: string): Promise<{ bytes: Buffer; suggested: string }> {
  const downloading = page.waitForEvent("download");
  await page.getByRole("region", { name: "Responses" }).getByRole("link", { name: fileName, exact: true }).last().click();
  const download = await downloading;
  const path = await download.path();
  const { readFile } = await import("node:fs/promises");
  return { bytes: await readFile(path), suggested: download.suggestedFilename() };
}

function expectDownloadHeaders(response: APIResponse, disposition: "attachment" | "inline" = "attachment") {
  const headers = response.headers();
  expect(headers["content-disposition"]).toMatch(new RegExp(`^${disposition}; filename="[^"]*"; filename\\*=UTF-8''`));
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["content-security-policy"]).toBe("sandbox; default-src 'none'");
  expect(headers["cache-control"]).toMatch(/^private, max-age=\d+$/);
  expect(headers.etag).toMatch(/^"[0-9a-f]{64}"$/);
  expect(headers["accept-ranges"]).toBe("bytes");
}

test.describe("downloading a demo file", () => {
  test("the customer downloads the PDF from the thread, byte for byte", async ({ page }) => {
    const pdf = demo(1059);
    await signInAs(page, "alice@acme.test");
    await page.goto("/requests/1059");
    const { bytes, suggested } = await downloadFromThread(page, pdf.fileName);
    expect(suggested).toBe(pdf.fileName);
    expect(bytes.equals(pdf.bytes())).toBe(true);
    const response = await page.request.get(urlOf(pdf));
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("application/pdf");
    expectDownloadHeaders(response);
  });

  test("the agent downloads the CSV from the console, and the internal note's log", async ({ page }) => {
    await signIn(page, "agent@portico.test", "/agent/requests/1002");
    const csv = demo(1002);
    expect((await downloadFromThread(page, csv.fileName)).bytes.equals(csv.bytes())).toBe(true);
    await page.goto("/agent/requests/1001");
    const log = demo(1001);
    expect((await downloadFromThread(page, log.fileName)).bytes.equals(log.bytes())).toBe(true);
  });

  test("a range gets 206 with those bytes; one past the end 416; the ETag 304", async ({ page }) => {
    const png = demo(1062);
    await signInAs(page, "gina@globex.test");
    const bytes = png.bytes();
    const part = await page.request.get(urlOf(png), { headers: { Range: "bytes=1-3" } });
    expect(part.status()).toBe(206);
    expect(part.headers()["content-range"]).toBe(`bytes 1-3/${bytes.length}`);
    expect((await part.body()).toString("latin1")).toBe("PNG");
    const tail = await page.request.get(urlOf(png), { headers: { Range: "bytes=-12" } });
    expect((await tail.body()).equals(bytes.subarray(bytes.length - 12))).toBe(true);
    const past = await page.request.get(urlOf(png), { headers: { Range: `bytes=${bytes.length}-` } });
    expect(past.status()).toBe(416);
    expect(past.headers()["content-range"]).toBe(`bytes */${bytes.length}`);
    const whole = await page.request.get(urlOf(png));
    const again = await page.request.get(urlOf(png), { headers: { "If-None-Match": whole.headers().etag ?? "" } });
    expect(again.status()).toBe(304);
  });

  test("the thread lists the files with their sizes, and a thumbnail for the screenshot", async ({ page }) => {
    await signInAs(page, "gina@globex.test");
    await page.goto("/requests/1062");
    const png = demo(1062);
    const thread = page.getByRole("region", { name: "Responses" });
    const files = thread.getByRole("list", { name: "Attached files" });
    await expect(files.getByRole("link", { name: png.fileName }).first()).toBeVisible();
    await expect(files).toContainText(/\d[\d.,]*\s?(byte|kB)/);
    const thumbnail = files.getByRole("img", { name: png.fileName });
    await expect(thumbnail).toHaveAttribute("loading", "lazy");
    await expect(thumbnail).toHaveAttribute("src", urlOf(png, "?inline=1"));
    await expect.poll(() => thumbnail.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBe(160);
    const inline = await page.request.get(urlOf(png, "?inline=1"));
    expect(inline.headers()["content-type"]).toBe("image/png");
    expectDownloadHeaders(inline, "inline");

    await page.goto("/requests/1002");
    await expect(page.getByRole("region", { name: "Responses" }).getByRole("link", { name: demo(1002).fileName })).toBeVisible();
  });
});

test.describe("the one 404", () => {
  test("another organization's customer, a signed-out visitor, a customer on an internal note's file and a wrong name all get the API's 404", async ({ page, browser }) => {
    const pdf = demo(1059);
    const log = demo(1001);
    const anonymous = await browser.newContext();
    const signedOut = await anonymous.request.get(urlOf(pdf));
    expect(signedOut.status()).toBe(404);
    const body = await signedOut.json();
    expect(body).toEqual({ type: "about:blank", title: "Not Found", status: 404, detail: "Not found.", code: "not_found" });
    await anonymous.close();

    await signInAs(page, "gina@globex.test");
    const otherOrganization = await page.request.get(urlOf(pdf));
    expect(otherOrganization.status()).toBe(404);
    expect(await otherOrganization.json()).toEqual(body);

    const aliceContext = await browser.newContext();
    page = await aliceContext.newPage();
    await signInAs(page, "alice@acme.test");
    const internal = await page.request.get(urlOf(log));
    expect(internal.status()).toBe(404);
    expect(await internal.json()).toEqual(body);
    const wrongName = await page.request.get(urlOf({ id: pdf.id, fileName: "other.pdf" }));
    expect(wrongName.status()).toBe(404);
    expect(await wrongName.json()).toEqual(body);
    const missing = await page.request.get(urlOf({ id: "no-such-file", fileName: pdf.fileName }));
    expect(await missing.json()).toEqual(body);

    // The page of an internal note's request shows the customer no trace of its file.
    await page.goto("/requests/1001");
    await expect(page.getByRole("region", { name: "Responses" })).toBeVisible();
    await expect(page.getByText(log.fileName)).toHaveCount(0);
    await aliceContext.close();
  });
});

test.describe("hostile files run nothing", () => {
  const SCRIPT = "<script>window.__x = 1; alert(1)</script>";
  const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const hostile: Array<{ fileName: string; bytes: Buffer; contentType: string; declared: string }> = [
    { fileName: "page.html", bytes: Buffer.from(`<!doctype html><html><body>${SCRIPT}<img src=x onerror="window.__x=2"></body></html>`), contentType: "text/plain", declared: "text/html" },
    {
      fileName: "drawing.svg",
      bytes: Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" onload="window.__x=3"><script>window.__x = 4; alert(1)</script><circle r="5"/></svg>`),
      contentType: "text/plain",
      declared: "image/svg+xml",
    },
    { fileName: "polyglot.png", bytes: Buffer.concat([PNG_SIGNATURE, Buffer.from(`<html><body>${SCRIPT}</body></html>`)]), contentType: "image/png", declared: "image/png" },
    { fileName: "looks-like.png", bytes: Buffer.from(`<html><body>${SCRIPT}</body></html>`), contentType: "text/plain", declared: "image/png" },
  ];

  test("each is sniffed, served with the sandbox, and opening it — as a download or inline — runs no script", async ({ page }) => {
    await signInAs(page, "bob@acme.test");
    const uploaded = await page.request.post("/api/attachments", {
      multipart: Object.fromEntries(hostile.map((file, index) => [`file${index}`, { name: file.fileName, mimeType: file.declared, buffer: file.bytes }])),
    });
    expect(uploaded.status()).toBe(201);
    const { attachments } = (await uploaded.json()) as { attachments: Array<{ id: string; fileName: string; contentType: string; scanStatus: string }> };
    expect(attachments.map((file) => [file.fileName, file.contentType])).toEqual(hostile.map((file) => [file.fileName, file.contentType]));
    test.skip(attachments.some((file) => file.scanStatus !== "clean"), "a malware scanner is configured: staged files wait for it");

    const dialogs: string[] = [];
    page.on("dialog", async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    for (const [index, file] of attachments.entries()) {
      const spec = hostile[index]!;
      for (const query of ["", "?inline=1"]) {
        const url = urlOf(file, query);
        const response = await page.request.get(url);
        expect(response.status(), url).toBe(200);
        expect(response.headers()["content-type"], url).toBe(spec.contentType);
        // Only the sniffed raster image may be inline, and then it is an image with no script.
        expectDownloadHeaders(response, query && spec.contentType === "image/png" ? "inline" : "attachment");
        expect((await response.body()).equals(spec.bytes)).toBe(true);

        await page.goto("/requests");
        if (query && spec.contentType === "image/png") {
          await page.goto(url);
        } else {
          const downloading = page.waitForEvent("download");
          await page.goto(url).catch(() => undefined); // "Download is starting": the navigation becomes a download
          const download = await downloading;
          expect(download.suggestedFilename()).toBe(spec.fileName);
        }
        await page.waitForTimeout(200);
        expect(await page.evaluate(() => (window as unknown as { __x?: number }).__x), url).toBeUndefined();
      }
    }
    expect(dialogs).toEqual([]);
  });
});
