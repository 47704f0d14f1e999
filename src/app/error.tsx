"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { startTransition } from "react";
import { useErrorPageTexts } from "@/ui/error-page-texts";

// When a page or one of its actions fails, the site's header and navigation stay, the reader is told
// what happened in their language, and trying again renders the page afresh — the long text fields
// give back their drafts (src/ui/draft.ts).
export default function PageError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const texts = useErrorPageTexts();
  const router = useRouter();
  const retry = () =>
    startTransition(() => {
      router.refresh();
      reset();
    });
  return (
    <section role="alert" aria-labelledby="page-error-heading" className="mx-auto max-w-xl rounded-xl border border-slate-200 bg-white p-8 text-center shadow-sm">
      <h1 id="page-error-heading" className="text-2xl font-semibold">
        {texts.title}
      </h1>
      <p className="mt-2 text-slate-700">{texts.body}</p>
      <div className="mt-6 flex flex-wrap items-center justify-center gap-4">
        <button type="button" onClick={retry} className="rounded-md bg-indigo-700 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-800 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600">
          {texts.retry}
        </button>
        <Link href="/requests" className="text-sm font-medium text-indigo-700 hover:underline">
          {texts.home}
        </Link>
      </div>
    </section>
  );
}
