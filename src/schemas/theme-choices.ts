// The theme choices without their schema: client components import these, and importing the schema
// (theme.ts) would ship the validation library to every page.

/** The profile menu's choices: follow the system's setting, or always light, or always dark. */
export const THEME_CHOICES = ["system", "light", "dark"] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];
