import { z } from "zod";

/** The profile menu's choices: follow the system's setting, or always light, or always dark. */
export const THEME_CHOICES = ["system", "light", "dark"] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];

/** A theme chosen in the profile menu; anything else is invalid. */
export const themeChoiceSchema = z.object({ theme: z.enum(THEME_CHOICES) });
