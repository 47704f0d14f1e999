import Link from "next/link";
import type { ReactNode } from "react";
import type { RequestStatus } from "@/domain";
import { TranslatedStatusBadge } from "@/ui/translated-status-badge";

/** The top of a request page, in the portal and the agent console: the way back, the number, the subject and the status. */
export function RequestHeading(props: {
  id: number;
  subject: string;
  status: RequestStatus;
  back: { href: string; label: string };
  breadcrumbLabel: string;
  /** Shown after the status: a merged badge, the assignee, … */
  children?: ReactNode;
}) {
  return (
    <>
      <nav aria-label={props.breadcrumbLabel} className="text-sm">
        <ol className="flex flex-wrap items-center gap-1 text-slate-600">
          <li>
            <Link href={props.back.href} className="font-medium text-indigo-700 underline hover:text-indigo-900">
              {props.back.label}
            </Link>
          </li>
          <li aria-hidden="true">/</li>
          <li aria-current="page">#{props.id}</li>
        </ol>
      </nav>
      <header className="mt-3 flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">
          <span className="text-slate-600">#{props.id}</span> {props.subject}
        </h1>
        <TranslatedStatusBadge status={props.status} size="regular" />
        {props.children}
      </header>
    </>
  );
}
