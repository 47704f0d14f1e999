// Signing out from the profile menu: the same two calls next-auth's browser library makes to its
// endpoint (which ends the session on the server, docs/SECURITY.md), without that library, which
// the portal needs nowhere else but the sign-in page and which would otherwise load on every page.

/** Signs out, then opens the sign-in page. A failure (offline) leaves the person where they are, still signed in. */
export async function signOutOfPortal(): Promise<void> {
  const csrf = (await (await fetch("/api/auth/csrf", { cache: "no-store" })).json()) as { csrfToken?: string };
  const answer = await fetch("/api/auth/signout", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken: csrf.csrfToken ?? "", callbackUrl: "/signin", json: "true" }),
  });
  if (!answer.ok) throw new Error(`Signing out failed (HTTP ${answer.status}).`);
  // A whole new page, not a client navigation: nothing of the signed-in pages stays in the router's cache.
  window.location.replace("/signin");
}
