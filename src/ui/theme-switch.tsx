import { THEME_CHOICES, type ThemeChoice } from "@/schemas/theme-choices";

// The profile menu's theme choice: a plain form, like the language switch beside it. The server
// saves it and paints the page again, so nothing flashes in the wrong theme on the next visit either.

export interface ThemeLabels {
  /** "Theme", in the current language. */
  label: string;
  choices: Record<ThemeChoice, string>;
}

export function ThemeSwitch({ action, current, labels }: { action: (formData: FormData) => Promise<void>; current: ThemeChoice; labels: ThemeLabels }) {
  return (
    <form action={action}>
      <fieldset>
        <legend className="px-4 pb-1 pt-2 text-xs font-medium text-slate-600">{labels.label}</legend>
        <ul>
          {THEME_CHOICES.map((choice) => {
            const isCurrent = choice === current;
            return (
              <li key={choice}>
                <button
                  type="submit"
                  name="theme"
                  value={choice}
                  aria-current={isCurrent ? "true" : undefined}
                  className="flex w-full items-center justify-between px-4 py-2 text-left text-sm hover:bg-slate-50 focus-visible:bg-slate-50 aria-[current=true]:font-semibold"
                >
                  {labels.choices[choice]}
                  {isCurrent && (
                    <span aria-hidden="true" className="text-indigo-700">
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
