import "server-only";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDatabase } from "@/server/db";
import { databaseErrorLine, isDatabaseUnavailable } from "@/server/db/errors";
import { notFound, type Outcome } from "@/server/outcome";
import type { SignedInViewer } from "@/server/people/viewer";
import type { UseCase } from "@/server/use-case";
import { formValues, toFormState, type DoneSentence, type FormMessages, type FormState } from "./form-state";
import { noteOwnWrite } from "./list-database";
import { findViewer } from "./viewer";

// Every server action is made by one of these (a lint rule refuses any other export from a
// "use server" file under src/app), so none can run without resolving the viewer: a server action
// is a public endpoint, whatever page rendered its form. Each one reads the form into the use case's
// input, which the use case validates, and maps the outcome to an answer in one place.

// A wrapper takes any use case: the form's fields are its input as it came, which it validates.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyUseCase<Result extends object> = UseCase<any, Result, any>;

interface Run<Result extends object> {
  task: AnyUseCase<Result>;
  /** Only agents may: anyone else is answered as if the thing did not exist. */
  agentsOnly: boolean;
  input?: (formData: FormData) => unknown;
}

async function run<Result extends object>({ task, agentsOnly, input = formValues }: Run<Result>, formData: FormData): Promise<Outcome<Result> | { ok: false; reason: "signed_out" }> {
  const viewer = await findViewer();
  if (!viewer) return agentsOnly ? notFound() : { ok: false, reason: "signed_out" };
  if (agentsOnly && !viewer.actor.isAgent) return notFound();
  const outcome = await task(getDatabase(), viewer, input(formData));
  if (outcome.ok) await noteOwnWrite();
  return outcome;
}

export interface FormActionOptions<Result extends object> {
  /** How the form's fields become the use case's input; by default every text field as sent. */
  input?: (formData: FormData) => unknown;
  messages: FormMessages;
  /** What to say when it went through: a message key under the form's namespace, or a sentence already said (a summary with its own parts). */
  done?: (result: Result) => string | DoneSentence | Promise<DoneSentence>;
  /** Where to go when it went through, instead of answering in place. */
  redirectTo?: (result: Result) => string;
  /** Pages showing what changed, from the fields sent. */
  revalidate?: (values: FormState["values"]) => string[];
  /** Fields never sent back to the browser with the form's state (passwords). */
  secretFields?: readonly string[];
}

/** A form's action for useActionState: the use case's outcome as a FormState, in the user's language. */
function formAction<Result extends object>(useCase: AnyUseCase<Result>, agentsOnly: boolean, options: FormActionOptions<Result>) {
  return async (previous: FormState, formData: FormData): Promise<FormState> => {
    const values = formValues(formData);
    const answer = await run({ task: useCase, agentsOnly, input: options.input ?? (() => values) }, formData).catch((error: unknown) => {
      // The database restarting: the form says so and keeps what was written, rather than the page failing.
      if (!isDatabaseUnavailable(error)) throw error;
      console.error(`The database is unavailable; a form was answered with an error: ${databaseErrorLine(error)}`);
      return { ok: false, reason: "unavailable" } as const;
    });
    if (answer.ok) {
      for (const path of options.revalidate?.(values) ?? []) revalidatePath(path);
      if (options.redirectTo) redirect(options.redirectTo(answer));
    }
    const shown = Object.fromEntries(Object.entries(values).filter(([field]) => !options.secretFields?.includes(field)));
    return toFormState(answer, { messages: options.messages, done: options.done ?? (() => "done"), values: shown, previous });
  };
}

/** A signed-in viewer's form (useActionState). */
export function viewerAction<Result extends object>(useCase: AnyUseCase<Result>, options: FormActionOptions<Result>) {
  return formAction(useCase, false, options);
}

/** An agent's form in the agent console (useActionState); for anyone else the thing does not exist. */
export function agentAction<Result extends object>(useCase: AnyUseCase<Result>, options: FormActionOptions<Result>) {
  return formAction(useCase, true, options);
}

/**
 * A plain form post that answers by moving on — a redirect, a refresh — rather than with a state:
 * `then` gets the outcome ("not found" when signed out) and must redirect or refresh.
 */
function postAction<Result extends object>(useCase: AnyUseCase<Result>, agentsOnly: boolean, options: { input?: (formData: FormData) => unknown; then: (outcome: Outcome<Result>) => Promise<void> | void }) {
  return async (formData: FormData): Promise<void> => {
    const answer = await run({ task: useCase, agentsOnly, input: options.input }, formData);
    await options.then(answer.ok || answer.reason !== "signed_out" ? answer : notFound());
  };
}

export function viewerPost<Result extends object>(useCase: AnyUseCase<Result>, options: Parameters<typeof postAction<Result>>[2]) {
  return postAction(useCase, false, options);
}

export function agentPost<Result extends object>(useCase: AnyUseCase<Result>, options: Parameters<typeof postAction<Result>>[2]) {
  return postAction(useCase, true, options);
}

/** A form post that anyone may send, signed in or not (the sign-in page's language switch). */
export function visitorPost(handle: (viewer: SignedInViewer | null, formData: FormData) => Promise<void>) {
  return async (formData: FormData): Promise<void> => handle(await findViewer(), formData);
}
