import type { Locale as PorticoLocale } from "@/i18n/locales";
import type messages from "@/i18n/messages/en.json";

// Message keys and arguments are checked at compile time against the English file; a Vitest test
// keeps ko.json and it.json to the same keys and placeholders.
declare module "next-intl" {
  interface AppConfig {
    Locale: PorticoLocale;
    Messages: typeof messages;
  }
}

// next-intl's own declarations of getLocale() and a few others read these types from the `use-intl`
// entry point, which the augmentation above does not reach (getLocale() would return `string`).
declare module "use-intl" {
  interface AppConfig {
    Locale: PorticoLocale;
    Messages: typeof messages;
  }
}
