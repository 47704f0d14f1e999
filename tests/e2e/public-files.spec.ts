import { expect, test } from "@playwright/test";

// The files served as they are from public/: the site's icon (every browser asks for it on its first
// visit) and the robots file of a private portal.

test("the favicon is served", async ({ request }) => {
  const response = await request.get("/favicon.ico");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/image\/(x-icon|vnd\.microsoft\.icon)/);
  expect((await response.body()).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0]));
});

test("robots are asked to keep out of the portal", async ({ request }) => {
  const response = await request.get("/robots.txt");
  expect(response.status()).toBe(200);
  expect(await response.text()).toMatch(/User-agent: \*\s+Disallow: \//);
});

test("a page names the icon: the product's SVG mark (src/app/icon.svg)", async ({ page }) => {
  await page.goto("/signin");
  // The framework may repeat the head's icon link; every one names the same file.
  const href = await page.locator('link[rel="icon"][type="image/svg+xml"]').first().getAttribute("href");
  expect(href).toMatch(/^\/icon\.svg/);
  const icon = await page.request.get(href!);
  expect(icon.headers()["content-type"]).toContain("image/svg+xml");
  expect(await icon.text()).toContain("<svg");
});
