import { z } from "zod";
import { MAX_EMAIL_LENGTH, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "./sign-in-limits";

/** Asking for a reset link: the address, read as signing in reads it. */
export const requestPasswordResetSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()).pipe(z.string().max(MAX_EMAIL_LENGTH)),
});

export type RequestPasswordReset = z.infer<typeof requestPasswordResetSchema>;

/** A reset link's token: 32 random bytes, base64url (43 characters). Anything else cannot be one. */
export const passwordResetTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

export const passwordResetTokenInputSchema = z.object({ token: passwordResetTokenSchema });

/** The new password, with the same rules as changing it (./password.ts). */
export const resetPasswordSchema = z
  .object({
    token: passwordResetTokenSchema,
    newPassword: z.string().min(MIN_PASSWORD_LENGTH, "too_short").max(MAX_PASSWORD_LENGTH),
    confirmPassword: z.string().min(1).max(MAX_PASSWORD_LENGTH),
  })
  .refine((input) => input.newPassword === input.confirmPassword, { path: ["confirmPassword"], message: "mismatch" });

export type ResetPassword = z.infer<typeof resetPasswordSchema>;

/** What the reset pages say after a post (`?error=`, `?sent=`), read leniently like every page's URL. */
export const PASSWORD_RESET_ERRORS = ["invalid_email", "throttled", "too_short", "mismatch", "required", "invalid_link"] as const;
export type PasswordResetError = (typeof PASSWORD_RESET_ERRORS)[number];
