// An avatar is a person's initials on a colour of their own: derived from their id, so it is the
// same on every page and every browser, and never changes when they change their name.

/**
 * Backgrounds that keep white initials readable (contrast at least 4.5:1) in the light theme; the dark
 * theme mirrors the palette (src/app/globals.css), which keeps each pair readable the other way round.
 * Spelled out in full so the stylesheet includes them.
 */
export const AVATAR_COLOURS = [
  "bg-indigo-700",
  "bg-emerald-700",
  "bg-sky-700",
  "bg-violet-700",
  "bg-red-700",
  "bg-amber-700",
  "bg-slate-600",
  "bg-green-700",
] as const;

export type AvatarColour = (typeof AVATAR_COLOURS)[number];

/** The person's colour: a hash of their id (32-bit FNV-1a) picks one of the palette. */
export function avatarColour(personId: string): AvatarColour {
  let hash = 0x811c9dc5;
  for (let index = 0; index < personId.length; index++) {
    hash ^= personId.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return AVATAR_COLOURS[hash % AVATAR_COLOURS.length]!;
}

/**
 * Up to two initials: the first letters of the first and last words ("Ana María López" → "AL"), or
 * the first letter of a one-word name ("김민준" → "김"); "?" for a name with no letters at all.
 */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter((word) => /\p{L}|\p{N}/u.test(word));
  if (words.length === 0) return "?";
  const first = Array.from(words[0]!.replace(/^[^\p{L}\p{N}]+/u, ""))[0] ?? "";
  const last = words.length > 1 ? (Array.from(words[words.length - 1]!.replace(/^[^\p{L}\p{N}]+/u, ""))[0] ?? "") : "";
  return (first + last).toLocaleUpperCase();
}
