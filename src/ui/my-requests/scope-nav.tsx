import Link from "next/link";
import { getTranslations } from "@/server/entry/translations";
import type { RequestScope } from "@/schemas/request-list";
import { listHref, type ListView } from "./list-href";

/** My requests / CC'd / Organization, as links that keep the search and filters. */
export async function ScopeNav({ view, scopes }: { view: ListView; scopes: RequestScope[] }) {
  const t = await getTranslations("myRequests.scopes");
  return (
    <nav aria-label={t("label")} className="border-b border-slate-200">
      <ul className="-mb-px flex flex-wrap gap-x-2">
        {scopes.map((scope) => {
          const current = scope === view.scope;
          return (
            <li key={scope}>
              <Link
                href={listHref({ ...view, scope })}
                aria-current={current ? "page" : undefined}
                className={`inline-block border-b-2 px-3 py-2 text-sm font-medium focus-visible:rounded-sm focus-visible:outline focus-visible:outline-2 focus-visible:outline-indigo-600 ${
                  current ? "border-indigo-600 text-indigo-800" : "border-transparent text-slate-700 hover:border-slate-400 hover:text-slate-900"
                }`}
              >
                {t(scope)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
