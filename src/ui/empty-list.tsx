import Link from "next/link";
import { focusRing } from "./styles";

/** What a list says when it has nothing to show; on a later page, a way back to the first. */
export function EmptyList(props: { message: string; firstPage?: { href: string; label: string } }) {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-10 text-center">
      <p className="text-slate-700">{props.message}</p>
      {props.firstPage && (
        <Link href={props.firstPage.href} className={`mt-4 inline-block text-sm font-medium text-indigo-700 hover:underline ${focusRing}`}>
          {props.firstPage.label}
        </Link>
      )}
    </div>
  );
}
