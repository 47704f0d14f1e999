import { z } from "zod";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "./sign-in-limits";

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1).max(MAX_PASSWORD_LENGTH),
    newPassword: z.string().min(MIN_PASSWORD_LENGTH, "too_short").max(MAX_PASSWORD_LENGTH),
    confirmPassword: z.string().min(1).max(MAX_PASSWORD_LENGTH),
  })
  .refine((input) => input.newPassword === input.confirmPassword, { path: ["confirmPassword"], message: "mismatch" })
  .refine((input) => input.newPassword !== input.currentPassword, { path: ["newPassword"], message: "unchanged" });

export type ChangePassword = z.infer<typeof changePasswordSchema>;
