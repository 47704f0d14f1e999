import "server-only";
import { getTranslations } from "@/server/entry/translations";
import type { Outcome } from "@/server/outcome";

// What a form's server action answers (useActionState), for every form: the outcome of its use case
// in the user's language. Forms keep what the user wrote after an error, since React resets a form
// after its action.

export interface FormState {
  status: "idle" | "done" | "error";
  /** One sentence for the whole form: what happened, or what went wrong (on bad input, the first field's error). */
  message: string;
  /** What is wrong with each field, translated. */
  fieldErrors: Partial<Record<string, string>>;
  /** What the user sent, to show again after an error; empty after success. */
  values: Partial<Record<string, string | string[]>>;
  /** Changes on every answer, so that the fields start afresh. */
  submission: number;
}

/**
 * Where a form's messages are, under one namespace of the message files: `done…` keys, `notFound`,
 * `conflict`, `signedOut`, `unavailable`, `errors.<code>`, `refusals.<code>` and `fields.<name>` (for "{field}"),
 * each falling back to the shared `form` namespace, and a refusal with no message of its own to the
 * rule's own sentence.
 */
export interface FormMessages {
  namespace: string;
  /** Placeholder values by error or refusal code ("{max}"); a function when they come from the configuration, read when answering. */
  values?: PlaceholderValues | (() => PlaceholderValues);
  /** Fields whose error codes are under a namespace of their own (a widget's): `errors.<code>` there. */
  fieldNamespaces?: Partial<Record<string, string>>;
  /** Refusals that concern one field, shown under it. */
  refusalFields?: Partial<Record<string, string>>;
}

type PlaceholderValues = Partial<Record<string, Record<string, string | number>>>;

/** A "done" message made by the action itself, already in the user's language. */
export interface DoneSentence {
  sentence: string;
}

/** Besides the use case's outcome: signed out, or the database unreachable for a moment (nothing may have been saved). */
export type FormAnswer<T extends object> = Outcome<T> | { ok: false; reason: "signed_out" } | { ok: false; reason: "unavailable" };

/** Message keys are built from codes here, so the compile-time check of literal keys cannot apply. */
interface Translator {
  (key: string, values?: Record<string, string | number>): string;
  has(key: string): boolean;
}

export async function toFormState<T extends object>(
  answer: FormAnswer<T>,
  { messages, done, values, previous }: { messages: FormMessages; done: (result: T) => string | DoneSentence | Promise<DoneSentence>; values: FormState["values"]; previous: FormState },
): Promise<FormState> {
  const t = (await getTranslations()) as unknown as Translator;
  const { namespace } = messages;
  const placeholders = typeof messages.values === "function" ? messages.values() : messages.values;
  const first = (...keys: string[]) => keys.find((key) => t.has(key));
  const say = (key: string, fallback: string, placeholders?: Record<string, string | number>) =>
    t(first(`${namespace}.${key}`, `form.${key}`) ?? fallback, placeholders);
  const submission = previous.submission + 1;
  const failed = (message: string, fieldErrors: FormState["fieldErrors"] = {}): FormState => ({ status: "error", message, fieldErrors, values, submission });

  if (answer.ok) {
    const said = await done(answer);
    return { status: "done", message: typeof said === "string" ? t(`${namespace}.${said}`) : said.sentence, fieldErrors: {}, values: {}, submission };
  }
  switch (answer.reason) {
    case "signed_out":
      return failed(say("signedOut", "form.signedOut"));
    case "unavailable":
      return failed(say("unavailable", "form.unavailable"));
    case "not_found":
      return failed(say("notFound", "form.notFound"));
    case "conflict":
      return failed(say("conflict", "form.conflict"));
    case "invalid": {
      const fieldErrors: FormState["fieldErrors"] = {};
      for (const [field, code = "invalid"] of Object.entries(answer.fieldErrors)) {
        const label = first(`${namespace}.fields.${field}`);
        const own = messages.fieldNamespaces?.[field];
        const key = own && t.has(`${own}.errors.${code}`) ? `${own}.errors.${code}` : null;
        const values = { ...placeholders?.[code], field: label ? t(label) : field };
        fieldErrors[field] = key ? t(key, values) : say(`errors.${code}`, "form.errors.invalid", values);
      }
      return failed(Object.values(fieldErrors)[0] ?? say("errors.invalid", "form.errors.invalid"), fieldErrors);
    }
    case "refused": {
      const { code, message } = answer.refusal;
      const key = first(`${namespace}.refusals.${code}`, `form.refusals.${code}`);
      const text = key ? t(key, placeholders?.[code]) : message;
      const field = messages.refusalFields?.[code];
      return field ? failed(text, { [field]: text }) : failed(text);
    }
  }
}

/** The form's fields as sent: text once or repeated (files are not kept). React's own fields are left out. */
export function formValues(formData: FormData): FormState["values"] {
  const values: FormState["values"] = {};
  for (const name of new Set(formData.keys())) {
    if (name.startsWith("$ACTION")) continue;
    const texts = formData.getAll(name).filter((value): value is string => typeof value === "string");
    if (texts.length > 0) values[name] = texts.length === 1 ? texts[0] : texts;
  }
  return values;
}
