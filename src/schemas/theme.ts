import { z } from "zod";
import { THEME_CHOICES } from "./theme-choices";

/** A theme chosen in the profile menu; anything else is invalid. */
export const themeChoiceSchema = z.object({ theme: z.enum(THEME_CHOICES) });
