"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export interface ConsoleLink {
  href: string;
  label: string;
  /** Things waiting in that section (held mail…), shown as a small count when there are any. */
  count?: { value: number; label: string };
}

/** The console's sections; the current one is marked for assistive technology too. */
export function AgentConsoleNav({ label, links }: { label: string; links: ConsoleLink[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label}>
      <ul className="flex flex-wrap gap-1">
        {links.map((link) => {
          const current = pathname === link.href;
          // Inside a section (a mail of the Mail page) its link is marked too, as the way back.
          const within = !current && link.href !== "/agent" && pathname.startsWith(`${link.href}/`);
          return (
            <li key={link.href}>
              <Link
                href={link.href}
                aria-current={current ? "page" : within ? "true" : undefined}
                className={`inline-flex items-center gap-1.5 rounded-md px-3 py-1.5 text-sm font-medium focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 ${current || within ? "bg-indigo-50 text-indigo-800" : "text-slate-700 hover:bg-slate-100"}`}
              >
                {link.label}
                {link.count && link.count.value > 0 && (
                  <span className="rounded-full bg-amber-100 px-1.5 text-xs font-semibold tabular-nums text-amber-900 ring-1 ring-inset ring-amber-300">
                    <span aria-hidden="true">{link.count.value}</span>
                    <span className="sr-only">{link.count.label}</span>
                  </span>
                )}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
