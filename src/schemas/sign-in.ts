import { z } from "zod";

export const MAX_EMAIL_LENGTH = 320;
/** The upper bound keeps a hostile request from making the slow hash slower still. */
export const MAX_PASSWORD_LENGTH = 1024;

export const passwordSignInSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()).pipe(z.string().max(MAX_EMAIL_LENGTH)),
  password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
});

export type PasswordSignIn = z.infer<typeof passwordSignInSchema>;

/** Stands for the app's own origin while a return path is read; never sent anywhere. */
const OWN_ORIGIN = "http://portico.invalid";

/**
 * Where to go after sign-in: a path of this site, never another origin. The value is read as a
 * browser reads a URL — which drops tabs and line breaks, so "/\t/evil.example" is "//evil.example",
 * and takes "\" for "/" — against the app's own origin, and only a same-origin path is kept, with
 * anything unusual in it percent-encoded; everything else goes to `fallback`.
 */
export function safeCallbackPath(value: string | null | undefined, fallback = "/requests"): string {
  if (!value || !value.startsWith("/")) return fallback;
  let url: URL;
  try {
    url = new URL(value, OWN_ORIGIN);
  } catch {
    return fallback;
  }
  return url.origin === OWN_ORIGIN ? `${url.pathname}${url.search}${url.hash}` : fallback;
}

/** What a throttled sign-in answers instead of "wrong": this, a colon, and the seconds to wait. */
export const SIGN_IN_THROTTLED = "throttled";

export function throttledSignInError(seconds: number): string {
  return `${SIGN_IN_THROTTLED}:${Math.max(1, Math.ceil(seconds))}`;
}

/** The seconds a throttled sign-in must wait, or null when the error is any other. */
export function throttledSeconds(error: string): number | null {
  const match = new RegExp(`^${SIGN_IN_THROTTLED}:(\\d{1,6})$`).exec(error);
  return match ? Number(match[1]) : null;
}
