import { z } from "zod";
import { MAX_EMAIL_LENGTH, MAX_PASSWORD_LENGTH } from "./sign-in-limits";

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
