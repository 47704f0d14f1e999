import { z } from "zod";
import { LOCALES } from "@/i18n/locales";

/** A language chosen in a language switch: one of the supported locales, nothing else. */
export const localeChoiceSchema = z.object({ locale: z.enum(LOCALES) });

export type LocaleChoice = z.infer<typeof localeChoiceSchema>;
