import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/server/auth/current-user";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("myRequests");
  return { title: t("title") };
}

// Placeholder until the My Requests list lands; it already demands a signed-in user.
export default async function MyRequestsPage() {
  const user = await requireUser("/requests");
  const t = await getTranslations("myRequests");
  return (
    <section aria-labelledby="my-requests-heading">
      <h1 id="my-requests-heading" className="text-2xl font-semibold">
        {t("title")}
      </h1>
      <p className="mt-2 text-slate-700">{t("placeholder", { email: user.email })}</p>
    </section>
  );
}
