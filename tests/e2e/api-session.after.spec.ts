import { expect, test } from "@playwright/test";
import { signIn } from "./fixtures";

// docs/api.md "Credentials": the portal's own pages may call the Requests API with the sign-in
// cookie; a write that a browser says comes from another site is refused before anything is read.

test("a signed-in page calls the API with its session; a write from another site is refused", async ({ page }) => {
  await signIn(page, "bob@acme.test");
  await page.waitForURL(/\/requests/);

  const me = await page.evaluate(async () => {
    const response = await fetch("/api/v1/me");
    return { status: response.status, body: (await response.json()) as { email: string } };
  });
  expect(me).toMatchObject({ status: 200, body: { email: "bob@acme.test" } });

  const subject = `From the page's own script ${Date.now()}`;
  const created = await page.evaluate(async (subject) => {
    const response = await fetch("/api/v1/requests", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ subject, description: "Written through the API with the session.", priority: "S4" }),
    });
    return { status: response.status, location: response.headers.get("location") };
  }, subject);
  expect(created.status).toBe(201);
  expect(created.location).toMatch(/\/api\/v1\/requests\/\d+$/);

  // The same cookie, sent by a page of another site: refused, and nothing is created.
  const forged = await page.request.post("/api/v1/requests", {
    headers: { Origin: "https://elsewhere.example", "Sec-Fetch-Site": "cross-site" },
    data: { subject: `${subject} (forged)`, description: "Should never be written.", priority: "S4" },
  });
  expect(forged.status()).toBe(403);
  expect(forged.headers()["content-type"]).toBe("application/problem+json");
  expect(await forged.json()).toMatchObject({ code: "cross_site" });

  // Signed out, the API answers 401 with a problem document.
  const signedOut = await page.context().browser()!.newContext();
  try {
    const anonymous = await signedOut.request.get(new URL("/api/v1/me", page.url()).toString());
    expect(anonymous.status()).toBe(401);
  } finally {
    await signedOut.close();
  }
});
