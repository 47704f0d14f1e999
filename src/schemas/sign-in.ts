import { z } from "zod";

export const passwordSignInSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()).pipe(z.string().max(320)),
  // The upper bound keeps a hostile request from making the slow hash slower still.
  password: z.string().min(1).max(1024),
});

export type PasswordSignIn = z.infer<typeof passwordSignInSchema>;

/** Only same-site paths may follow sign-in, never another origin. */
export function safeCallbackPath(value: string | null | undefined, fallback = "/requests"): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  return value;
}
