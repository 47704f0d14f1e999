// The sign-in and password forms' limits and the throttled answer's format, without the schemas: client components
// import these, and importing sign-in.ts would ship the validation library to the browser.

export const MAX_EMAIL_LENGTH = 320;
/** The upper bound keeps a hostile request from making the slow hash slower still. */
export const MAX_PASSWORD_LENGTH = 1024;
/** Long enough to resist guessing at the throttled rate; no rules about character kinds, which only make passwords worse. */
export const MIN_PASSWORD_LENGTH = 10;

/** What a throttled sign-in answers instead of "wrong": this, a colon, and the seconds to wait. */
export const SIGN_IN_THROTTLED = "throttled";

export function throttledSignInError(seconds: number): string {
  return `${SIGN_IN_THROTTLED}:${Math.max(1, Math.ceil(seconds))}`;
}

/** The seconds a throttled sign-in must wait, or null when the error is any other. */
export function throttledSeconds(error: string): number | null {
  const match = new RegExp(`^${SIGN_IN_THROTTLED}:(\\d{1,6})$`).exec(error);
  return match ? Number(match[1]) : null;
}
