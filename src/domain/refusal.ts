/** A rule said no. `code` is stable (for translations and tests); `message` is for a person. */
export interface Refusal<Code extends string = string> {
  code: Code;
  message: string;
}

export type Result<T, Code extends string = string> = ({ ok: true } & T) | { ok: false; refusal: Refusal<Code> };

export function refuse<Code extends string>(code: Code, message: string): { ok: false; refusal: Refusal<Code> } {
  return { ok: false, refusal: { code, message } };
}
