import { expect, test, type Page } from "@playwright/test";
import { expectSignedIn, signIn } from "./fixtures";

// Findings of an outside review of the running portal, each reproduced here: what it did, and what
// the portal must do instead. Read-only: nothing here changes data other specs read.

async function signInThrough(page: Page, callbackUrl: string, email = "bob@acme.test") {
  await page.goto(`/signin?callbackUrl=${callbackUrl}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("portico-demo");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

test.describe("after sign-in, only a path of this site", () => {
  for (const escape of ["%09", "%0A", "%0D"]) {
    test(`a return path with ${escape} between its slashes goes home, not to another site`, async ({ page, baseURL }) => {
      await signInThrough(page, `%2F${escape}%2Fevil.example`);
      await expectSignedIn(page);
      expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);

      // Signed in already, the sign-in page redirects at once: to a path of this site.
      const response = await page.request.get(`/signin?callbackUrl=%2F${escape}%2Fevil.example`, { maxRedirects: 0 });
      expect(response.status()).toBe(307);
      expect(response.headers().location).toBe("/requests");
    });
  }

  test("control characters in the return path neither crash the page nor reach the Location header", async ({ page }) => {
    await signIn(page, "bob@acme.test");
    await expectSignedIn(page);
    const response = await page.request.get("/signin?callbackUrl=%2Frequests%00%01%2F1", { maxRedirects: 0 });
    expect(response.status()).toBe(307);
    expect(response.headers().location).toBe("/requests%00%01/1");
  });

  test("a path of this site is kept, with its query", async ({ page }) => {
    await signInThrough(page, encodeURIComponent("/requests?scope=ccd"));
    await expect(page).toHaveURL(/\/requests\?scope=ccd$/);
  });
});

test.describe("no input crashes a page", () => {
  test("a NUL in a search, in My Requests and in the agent queue", async ({ page, browser }) => {
    await signIn(page, "alice@acme.test");
    await expectSignedIn(page);
    expect((await page.goto("/requests?q=%00"))?.status()).toBe(200);
    expect((await page.goto("/requests?q=dash%00board&scope=organization"))?.status()).toBe(200);

    const agent = await browser.newContext();
    const agentPage = await agent.newPage();
    await signIn(agentPage, "agent@portico.test");
    await expect(agentPage).toHaveURL(/\/agent$/);
    expect((await agentPage.goto("/agent?q=a%00b"))?.status()).toBe(200);
    // A repeated parameter is read leniently, as every page's URL.
    expect((await agentPage.goto("/agent/organization-access?refused=a&refused=b"))?.status()).toBe(200);
    expect((await agentPage.goto("/agent?status=open&status=pending&sort=due&sort=created"))?.status()).toBe(200);
    await agent.close();
  });
});

test("every page that is not there for the viewer is the same page, with the same title", async ({ page }) => {
  await signIn(page, "alice@acme.test");
  await expectSignedIn(page);
  const seen = [];
  // Missing, another organization's, the agent console's pages (for a customer), an unknown address.
  for (const path of ["/requests/999999", "/requests/1062", "/requests/abc", "/agent", "/agent/requests/1001", "/agent/organization-access", "/no-such-page"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    seen.push({ title: await page.title(), main: await page.locator("main").innerText() });
  }
  expect(new Set(seen.map((entry) => JSON.stringify(entry))).size).toBe(1);
  expect(seen[0]?.title).toBe("Not found · Portico");
});

test.describe("the Content-Security-Policy", () => {
  test("every page names a fresh nonce, and the framework's scripts carry it", async ({ page }) => {
    const first = await page.goto("/signin");
    const policy = first?.headers()["content-security-policy"] ?? "";
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce).toBeTruthy();
    expect(policy).toMatch(/object-src 'none'/);
    expect(policy).toMatch(/base-uri 'none'/);
    expect(policy).toMatch(/frame-ancestors 'none'/);
    const scripts = await page.locator("script").evaluateAll((elements) => elements.map((element) => (element as HTMLScriptElement).nonce));
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.every((value) => value === nonce)).toBe(true);
    const second = await page.goto("/signin");
    expect(/'nonce-([^']+)'/.exec(second?.headers()["content-security-policy"] ?? "")?.[1]).not.toBe(nonce);
  });

  test("a script that reached a page's HTML does not run, and the page's own scripts still do", async ({ page }) => {
    await signIn(page, "alice@acme.test");
    await expectSignedIn(page);
    // As if a payload had got past the sanitizer: the served HTML itself carries an inline script and
    // an event-handler attribute. The response's headers, the policy included, are kept.
    await page.route("**/requests/1063", async (route) => {
      const response = await route.fetch();
      const injected = `<script>window.__injected = "inline script";</script><img src="data:," onerror="window.__injected = 'event handler'" alt="">`;
      await route.fulfill({ response, body: (await response.text()).replace("</main>", `${injected}</main>`) });
    });
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __violations: string[] }).__violations = seen;
      document.addEventListener("securitypolicyviolation", (event) => seen.push(event.violatedDirective));
    });
    await page.goto("/requests/1063");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("#1063");
    await expect.poll(() => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations.length)).toBeGreaterThanOrEqual(2);
    const outcome = await page.evaluate(() => {
      const w = window as unknown as { __injected?: string; __violations: string[] };
      return { injected: w.__injected ?? null, violations: w.__violations };
    });
    expect(outcome.injected).toBeNull();
    expect(outcome.violations.every((directive) => directive.startsWith("script-src"))).toBe(true);
    // The page's own scripts run: the profile menu opens.
    await page.getByRole("banner").getByRole("button", { expanded: false }).click();
    await expect(page.getByRole("banner").getByText("alice@acme.test", { exact: true })).toBeVisible();
  });

  test("the Requests API's JSON carries a fixed policy that allows nothing, and its reference page a nonce", async ({ request }) => {
    for (const path of ["/api/v1/me", "/api/v1/requests", "/api/v1/openapi.json"]) {
      const response = await request.get(path);
      expect(response.headers()["content-type"], path).toMatch(/^application\/(problem\+)?json/);
      expect(response.headers()["content-security-policy"], path).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(response.headers()["x-content-type-options"], path).toBe("nosniff");
    }
    const reference = await request.get("/api/docs");
    expect(reference.headers()["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  });
});

test.describe("nothing a user wrote is lost", () => {
  test("every text field says how long it may be, as its schema does", async ({ page, browser }) => {
    await page.goto("/signin");
    await expect(page.getByLabel("Email")).toHaveAttribute("maxlength", "320");
    await expect(page.getByLabel("Password")).toHaveAttribute("maxlength", "1024");
    await signIn(page, "alice@acme.test");
    await expectSignedIn(page);
    for (const path of ["/requests/1063", "/requests/new"]) {
      await page.goto(path);
      const unbounded = await page.locator("main textarea:not([maxlength]), main input[type=text]:not([maxlength]), main input[type=search]:not([maxlength])").count();
      expect(unbounded, path).toBe(0);
    }
    await expect(page.getByLabel("Subject")).toHaveAttribute("maxlength", "200");

    const agent = await browser.newContext();
    const agentPage = await agent.newPage();
    await signIn(agentPage, "agent@portico.test", "/agent/requests/1063");
    const unbounded = await agentPage.locator("main textarea:not([maxlength]), main input[type=text]:not([maxlength])").count();
    expect(unbounded).toBe(0);
    await agent.close();
  });

  test("a reply longer than its field allows gets the form's own error, with the text kept", async ({ page }) => {
    await signIn(page, "alice@acme.test", "/requests/1063");
    const reply = page.locator('form:has(textarea[name="body"])');
    const body = reply.locator('textarea[name="body"]');
    const text = `A pasted log. ${"x".repeat(25_000)}`;
    // Past the field's own limit, under the server's body limit: the reply's schema answers.
    await body.evaluate((field: HTMLTextAreaElement, value: string) => {
      field.removeAttribute("maxlength");
      field.value = value;
      field.dispatchEvent(new Event("input", { bubbles: true }));
    }, text);
    await reply.getByRole("button", { name: "Send reply" }).click();
    await expect(reply.getByText("Keep the reply under 20,000 characters.").first()).toBeVisible();
    expect(await body.inputValue()).toBe(text);
  });

  test("a reply too large for the server ends on a page that says so, and the text comes back", async ({ page }) => {
    await signIn(page, "alice@acme.test", "/requests/1063");
    const reply = page.locator('form:has(textarea[name="body"])');
    const body = reply.locator('textarea[name="body"]');
    // Past the field's own limit, as a hand-edited page could send it: over the server's body limit.
    await body.evaluate((field: HTMLTextAreaElement) => {
      field.removeAttribute("maxlength");
      field.value = `Start of a long log. ${"0123456789abcdef".repeat(70_000)}`;
      field.dispatchEvent(new Event("input", { bubbles: true }));
    });
    await reply.getByRole("button", { name: "Send reply" }).click();

    await expect(page.getByRole("heading", { level: 1, name: "This page could not be shown" })).toBeVisible();
    await expect(page.getByRole("banner")).toBeVisible();
    await page.getByRole("button", { name: "Try again" }).click();
    await expect(body).toBeVisible();
    expect(await body.inputValue()).toMatch(/^Start of a long log\. /);
    expect((await body.inputValue()).length).toBe(21 + 16 * 70_000);

    // The draft belongs to its writer: signing out forgets it.
    await page.getByRole("banner").getByRole("button", { expanded: false }).click();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/signin/);
    expect(await page.evaluate(() => Object.keys(sessionStorage).filter((key) => key.startsWith("portico-draft:")))).toEqual([]);
  });
});
