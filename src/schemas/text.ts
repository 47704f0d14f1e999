// What may be in a text a person sends: anything but the control characters no text needs — C0
// controls other than tab, line feed and carriage return, DEL, and the C1 controls. NUL in particular
// cannot be stored in PostgreSQL's text and would fail the query; the others are invisible noise.
const NOT_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** Every string in a value sent from outside (a form's fields, a URL's parameters, a JSON body), without control characters. */
export function withoutControlCharacters(value: unknown): unknown {
  if (typeof value === "string") return value.replace(NOT_TEXT, "");
  if (Array.isArray(value)) return value.map(withoutControlCharacters);
  if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, withoutControlCharacters(entry)]));
  }
  return value;
}
