import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "@/server/entry/translations";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("notFound");
  return { title: t("title") };
}

// One page for everything that is not there for the viewer — a request that does not exist, one they
// may not see, the agent console for a customer, an unknown address: nothing here may tell them apart.
export default async function NotFound() {
  const t = await getTranslations("notFound");
  return (
    <section aria-labelledby="not-found-heading" className="mx-auto max-w-xl rounded-xl border border-slate-200 bg-white p-8 text-center shadow-sm">
      <h1 id="not-found-heading" className="text-2xl font-semibold">
        {t("title")}
      </h1>
      <p className="mt-2 text-slate-700">{t("body")}</p>
      <Link href="/requests" className="mt-6 inline-block rounded-md bg-indigo-700 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-800 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600">
        {t("back")}
      </Link>
    </section>
  );
}
