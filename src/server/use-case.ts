import type { z } from "zod";
import { withoutControlCharacters } from "@/schemas/text";
import type { Database } from "@/server/db/client";
import { invalidInput, type Outcome } from "./outcome";
import type { Viewer } from "./people/viewer";

/**
 * A use case: one thing a viewer does or reads, with the schema of its input. Called with the input
 * as it came (a form's fields, a URL's parameters, a JSON body), it validates it — the one place
 * that does, after taking the control characters out of every text — and runs on what the schema
 * made of it. `run` takes input already parsed, for a use case built on another.
 */
/** Input as it came, before validation: the schema's fields, each of any value. */
export type RawInput<Input extends z.ZodType> = z.input<Input> extends object ? { [Field in keyof z.input<Input>]?: unknown } : unknown;

export interface UseCase<Input extends z.ZodType, Result extends object, Who = Viewer> {
  (db: Database, viewer: Who, input: RawInput<Input>): Promise<Outcome<Result>>;
  readonly input: Input;
  readonly run: (db: Database, viewer: Who, input: z.output<Input>) => Promise<Outcome<Result>>;
}

export function defineUseCase<Input extends z.ZodType, Result extends object, Who = Viewer>(definition: {
  input: Input;
  /** Fields that name what the viewer asks for (a request id): when they cannot be one, it is not found. */
  identifies?: readonly string[];
  run: (db: Database, viewer: Who, input: z.output<Input>) => Promise<Outcome<Result>>;
}): UseCase<Input, Result, Who> {
  const { input, identifies = [], run } = definition;
  const useCase = async (db: Database, viewer: Who, raw: RawInput<Input>) => {
    // reportInput tells a missing field ("required") from a malformed one ("invalid").
    const parsed = input.safeParse(withoutControlCharacters(raw), { reportInput: true });
    if (!parsed.success) return invalidInput(parsed.error, identifies);
    return run(db, viewer, parsed.data);
  };
  return Object.assign(useCase, { input, run });
}
