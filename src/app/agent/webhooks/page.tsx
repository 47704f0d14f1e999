import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "@/server/entry/translations";
import { MAX_WEBHOOK_DESCRIPTION_LENGTH, MAX_WEBHOOK_URL_LENGTH, WEBHOOK_EVENTS } from "@/schemas/webhooks";
import { getDatabase } from "@/server/db";
import { found, requireAgentViewer } from "@/server/entry/viewer";
import { listWebhookEndpoints, RECENT_FAILURE_DAYS } from "@/server/webhooks/console/endpoints";
import { EndpointStateBadge } from "@/ui/agent-webhooks/delivery-badge";
import { EndpointForm } from "@/ui/agent-webhooks/endpoint-form";
import { endpointFormLabels } from "@/ui/agent-webhooks/endpoint-form-labels";
import { webhookEndpointHref, WEBHOOKS_PATH } from "@/ui/agent-webhooks/webhooks-href";
import { focusRing } from "@/ui/styles";
import { createWebhookEndpointAction } from "./actions";

// The webhook endpoints (docs/webhooks.md): the list, with recent failures, and a form for a new
// one. Only agents: anyone else gets the same 404 as a page that does not exist.

export async function generateMetadata(): Promise<Metadata> {
  await requireAgentViewer(WEBHOOKS_PATH);
  const t = await getTranslations("agentWebhooks");
  return { title: t("title") };
}

export default async function WebhooksPage() {
  const viewer = await requireAgentViewer(WEBHOOKS_PATH);
  const [{ endpoints }, t] = await Promise.all([listWebhookEndpoints(getDatabase(), viewer, {}).then(found), getTranslations("agentWebhooks")]);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t("heading")}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-700">{t("intro")}</p>
      </div>
      <section aria-labelledby="webhook-endpoints" className="space-y-3">
        <h2 id="webhook-endpoints" className="text-lg font-semibold">
          {t("listHeading", { count: endpoints.length })}
        </h2>
        {endpoints.length === 0 ? (
          <p className="text-sm text-slate-700">{t("empty")}</p>
        ) : (
          <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white">
            {endpoints.map((endpoint) => (
              <li key={endpoint.id} className="space-y-1 p-4">
                <div className="flex flex-wrap items-center gap-2">
                  <Link href={webhookEndpointHref(endpoint.id)} className={`rounded-sm font-medium break-all text-indigo-700 underline hover:text-indigo-900 ${focusRing}`}>
                    {endpoint.url}
                  </Link>
                  <EndpointStateBadge enabled={endpoint.enabled} label={endpoint.enabled ? t("state.enabled") : t("state.disabled")} />
                  {endpoint.internal && <span className="text-xs font-medium text-amber-900">{t("internalBadge")}</span>}
                </div>
                {endpoint.description && <p className="text-sm text-slate-700">{endpoint.description}</p>}
                <p className="text-xs text-slate-600">
                  {endpoint.events.join(", ")}
                  {" · "}
                  <span className={endpoint.recentFailures > 0 ? "font-medium text-red-800" : undefined}>
                    {t("recentFailures", { count: endpoint.recentFailures, days: RECENT_FAILURE_DAYS })}
                  </span>
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <EndpointForm
        action={createWebhookEndpointAction}
        labels={await endpointFormLabels("new")}
        events={WEBHOOK_EVENTS}
        urlMaxLength={MAX_WEBHOOK_URL_LENGTH}
        descriptionMaxLength={MAX_WEBHOOK_DESCRIPTION_LENGTH}
      />
    </div>
  );
}
