/**
 * Text as a LIKE pattern that matches it literally: `%`, `_` and the escape character itself are escaped
 * (PostgreSQL's default escape is the backslash). Prisma's `contains` is such a pattern, and escapes nothing.
 */
export function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, "\\$&");
}
