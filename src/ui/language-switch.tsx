import { LOCALE_NAMES, LOCALES, type Locale } from "@/i18n/locales";

// No hooks and no client-only code: the sign-in page renders it as a server component (a plain form
// that works without JavaScript), the profile menu inside its client component.

interface LanguageSwitchProps {
  /** A server action that receives the choice as the form field `locale`. */
  action: (formData: FormData) => Promise<void>;
  current: Locale;
  /** "Language", in the current language. */
  label: string;
  variant: "menu" | "inline";
}

export function LanguageSwitch({ action, current, label, variant }: LanguageSwitchProps) {
  const menu = variant === "menu";
  return (
    <form action={action}>
      <fieldset>
        <legend className={menu ? "px-4 pb-1 pt-2 text-xs font-medium text-slate-600" : "float-left mr-3 py-1 text-sm text-slate-600"}>
          {label}
        </legend>
        <ul className={menu ? "" : "flex flex-wrap gap-1"}>
          {LOCALES.map((code) => {
            const isCurrent = code === current;
            return (
              <li key={code}>
                <button
                  type="submit"
                  name="locale"
                  value={code}
                  // Each name is in its own language; `lang` lets screen readers pronounce it so.
                  lang={code}
                  aria-current={isCurrent ? "true" : undefined}
                  className={
                    menu
                      ? "flex w-full items-center justify-between px-4 py-2 text-left text-sm hover:bg-slate-50 focus-visible:bg-slate-50 aria-[current=true]:font-semibold"
                      : "rounded px-2 py-1 text-sm text-indigo-700 hover:bg-indigo-50 hover:underline focus-visible:outline focus-visible:outline-2 focus-visible:outline-indigo-600 aria-[current=true]:font-semibold aria-[current=true]:text-slate-900"
                  }
                >
                  {LOCALE_NAMES[code]}
                  {isCurrent && (
                    <span aria-hidden="true" className={menu ? "text-indigo-700" : "ml-1 text-indigo-700"}>
                      ✓
                    </span>
                  )}
                </button>
              </li>
            );
          })}
        </ul>
      </fieldset>
    </form>
  );
}
