import type { Browser, BrowserContext, Locator, Page } from "@playwright/test";
import { expect } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { withE2eDatabase } from "../setup/e2e-database";
import { DEMO_PASSWORD } from "./demo-accounts";

/** Signs in on the sign-in page, as a person does: for the specs of signing in itself, and of its refusals. */
export async function signInWithForm(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

/**
 * Signs in with the request the sign-in form sends, in the page's own browser context, then opens `to` (home
 * by default: agents land on the queue, customers on their requests). The specs about what follows skip
 * loading the sign-in page and the landing one: on two busy cores each is most of a second of a browser's
 * work per test (signInWithForm is for the form itself).
 */
export async function signIn(page: Page, email: string, to = "/", password = DEMO_PASSWORD) {
  const { request } = page.context();
  const csrf = await request.get("/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", { form: { csrfToken, email, password, callbackUrl: "/", json: "true" } });
  const { url } = (await response.json()) as { url: string };
  const error = new URL(url).searchParams.get("error");
  if (!response.ok() || error) throw new Error(`Signing in as ${email} failed: ${error ?? response.status()}`);
  await page.goto(to);
}

/** What the page's scripts report as an error from now on: an uncaught one, or one written to the console (a failed hydration among them). */
export function collectScriptErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  return errors;
}

/** Waits until React has hydrated the element, which then carries React's own properties. */
export async function expectHydrated(element: Locator) {
  await expect.poll(() => element.evaluate((node) => Object.keys(node).some((key) => key.startsWith("__reactFiber")))).toBe(true);
}

export async function expectSignedIn(page: Page) {
  await expect(page).toHaveURL(/\/requests$/);
  await expect(page.getByRole("heading", { name: "My Requests" })).toBeVisible();
}

/**
 * The fields of the forms on a page as the server sends it to `email` (no JavaScript), server action
 * references included: what a hand-made request needs to replay those forms as someone else.
 */
export async function formsAsServed(browser: Browser, email: string, path: string, selector = "form"): Promise<Array<Record<string, string>>> {
  const signingIn = await browser.newContext();
  const page = await signingIn.newPage();
  await signIn(page, email);
  const context = await browser.newContext({ storageState: await signingIn.storageState(), javaScriptEnabled: false });
  await signingIn.close();
  try {
    const served = await context.newPage();
    await served.goto(path);
    return await served.locator(selector).evaluateAll((forms) =>
      forms.map((form) => Object.fromEntries([...new FormData(form as HTMLFormElement)].map(([name, value]) => [name, String(value)]))),
    );
  } finally {
    await context.close();
  }
}

/** A signed-in customer opens a new request through the form; returns its number. */
export async function openRequest(page: Page, request: { subject: string; description: string; priority: string }): Promise<number> {
  await page.goto("/requests/new");
  await page.getByLabel("Subject").fill(request.subject);
  await page.getByLabel("Description").fill(request.description);
  await page.getByRole("radio", { name: request.priority }).check();
  await page.getByRole("button", { name: "Submit request" }).click();
  await expect(page).toHaveURL(/\/requests\/\d+$/);
  return Number(new URL(page.url()).pathname.split("/").pop());
}

/**
 * A customer made for one spec — a copy of alice (her password and organizations) — so that what the
 * spec changes about the person (a theme, a time zone) is seen by no other spec.
 */
export async function newCustomerLikeAlice(options: { idPrefix: string; name: string; timeZone?: string | null }): Promise<{ email: string; name: string }> {
  const id = `${options.idPrefix}-${randomUUID()}`;
  const email = `${id}@acme.test`;
  await withE2eDatabase(async (db) => {
    await db.query(
      `INSERT INTO "User" (id, email, name, "passwordHash", "timeZone", "createdAt", "updatedAt")
       SELECT $1, $2, $3, "passwordHash", $4, now(), now() FROM "User" WHERE email = 'alice@acme.test'`,
      [id, email, options.name, options.timeZone ?? null],
    );
    await db.query(
      `INSERT INTO "Membership" ("userId", "organizationId")
       SELECT $1, m."organizationId" FROM "Membership" m JOIN "User" u ON u.id = m."userId" WHERE u.email = 'alice@acme.test'`,
      [id],
    );
  });
  return { email, name: options.name };
}

/** Opens one of the agent's secondary actions (hold, solve, reminder), folded under its heading, and returns its form. */
export async function openAgentAction(page: Page, name: string) {
  await page.locator("details > summary").filter({ hasText: new RegExp(`^${name}$`) }).click();
  const form = page.getByRole("form", { name, exact: true });
  await expect(form).toBeVisible();
  return form;
}

/**
 * Keeps the event streams each page of `context` opens (window.streams), so that a spec can wait until a live page
 * follows its stream (waitForOpenStream): a stream starts at the log's end, and an event written before it opens
 * never reaches it.
 */
export async function trackEventStreams(context: BrowserContext) {
  await context.addInitScript(() => {
    const streams: EventSource[] = [];
    const Original = window.EventSource;
    window.EventSource = class extends Original {
      constructor(...args: ConstructorParameters<typeof EventSource>) {
        super(...args);
        streams.push(this);
      }
    };
    Object.assign(window, { streams });
  });
}

/** Waits until the page (its context tracked by trackEventStreams) has an open event stream. */
export async function waitForOpenStream(page: Page) {
  await page.waitForFunction(() => (window as unknown as { streams: EventSource[] }).streams.some((stream) => stream.readyState === EventSource.OPEN));
}

/**
 * A second follower of the event stream at `url`, in the page, beside the page's own: the returned function resolves
 * once an event of `type` on `requestId` has reached it, and so the page's stream too.
 */
export async function followStream(page: Page, url: string, type: string): Promise<(requestId: number) => Promise<unknown>> {
  await page.evaluate(
    async ({ url, type }) => {
      const source = new EventSource(url);
      const seen: number[] = [];
      source.addEventListener(type, (event) => seen.push((JSON.parse((event as MessageEvent<string>).data) as { requestId: number }).requestId));
      Object.assign(window, { eventsSeen: seen });
      await new Promise((opened) => source.addEventListener("open", opened));
    },
    { url, type },
  );
  return (requestId) => page.waitForFunction((id) => (window as unknown as { eventsSeen: number[] }).eventsSeen.includes(id), requestId);
}

/** The page's live refreshes from now on: the server parts of the page at `pathname` fetched again (not a link's prefetch). */
export function countRefreshes(page: Page, pathname: string): string[] {
  const refreshes: string[] = [];
  page.on("request", (request) => {
    const headers = request.headers();
    if (headers.rsc === "1" && !headers["next-router-prefetch"] && new URL(request.url()).pathname === pathname) refreshes.push(request.url());
  });
  return refreshes;
}
