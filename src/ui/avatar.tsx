import { avatarColour, initialsOf } from "./avatar-look";

// No hooks: server pages (the request thread) and client components (the profile menu) both render it.
// Decorative: the person's name is always written beside it, so screen readers skip it.

const SIZES = { sm: "h-6 w-6 text-[0.625rem]", md: "h-8 w-8 text-xs" } as const;

export function Avatar({ person, size = "sm" }: { person: { id: string; name: string }; size?: keyof typeof SIZES }) {
  return (
    <span
      aria-hidden="true"
      data-avatar={person.id}
      className={`inline-flex shrink-0 select-none items-center justify-center self-center rounded-full font-semibold text-white ${SIZES[size]} ${avatarColour(person.id)}`}
    >
      {initialsOf(person.name)}
    </span>
  );
}
