import { expect, test } from "@playwright/test";

// /api/docs: the Requests API's reference, open to anyone, rendered from the OpenAPI document the
// API serves — every operation the document holds is on the page.

test("the reference lists every operation of /api/v1/openapi.json, with its parameters and answers", async ({ page, request }) => {
  const document = (await (await request.get("/api/v1/openapi.json")).json()) as { paths: Record<string, Record<string, { operationId: string; summary: string }>> };
  await page.goto("/api/docs");
  await expect(page.getByRole("heading", { name: "Requests API reference", level: 1 })).toBeVisible();
  const contents = page.getByRole("navigation", { name: "Contents" });
  let count = 0;
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of Object.keys(item)) {
      count++;
      await expect(contents.getByRole("link", { name: `${method.toUpperCase()} ${path}`, exact: true })).toHaveCount(1);
    }
  }
  expect(count).toBeGreaterThanOrEqual(12);

  const read = page.getByRole("region", { name: /GET \/api\/v1\/requests\/\{id\}/ });
  await expect(read.getByRole("heading", { name: "Parameters" })).toBeVisible();
  await expect(read.getByText("RequestDetail")).toBeVisible();
  await expect(read.getByText("Problem").first()).toBeVisible();
  await expect(page.getByRole("link", { name: "The OpenAPI document (JSON)" })).toHaveAttribute("href", "/api/v1/openapi.json");
});
