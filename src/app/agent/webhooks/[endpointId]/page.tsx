import type { Metadata } from "next";
import Link from "next/link";
import { cache } from "react";
import { getTranslations } from "@/server/entry/translations";
import { MAX_WEBHOOK_DESCRIPTION_LENGTH, MAX_WEBHOOK_URL_LENGTH, WEBHOOK_EVENTS } from "@/schemas/webhooks";
import { getDatabase } from "@/server/db";
import { found, requireAgentViewer } from "@/server/entry/viewer";
import { listWebhookDeliveries } from "@/server/webhooks/console/deliveries";
import { getWebhookEndpoint } from "@/server/webhooks/console/endpoints";
import { EndpointStateBadge } from "@/ui/agent-webhooks/delivery-badge";
import { DeliveryLog, linkClass } from "@/ui/agent-webhooks/delivery-log";
import { EndpointForm } from "@/ui/agent-webhooks/endpoint-form";
import { endpointFormLabels } from "@/ui/agent-webhooks/endpoint-form-labels";
import { PostButton } from "@/ui/agent-webhooks/post-button";
import { webhookEndpointHref, WEBHOOKS_PATH } from "@/ui/agent-webhooks/webhooks-href";
import { focusRing } from "@/ui/styles";
import { deleteWebhookEndpointAction, rotateWebhookSecretAction, setWebhookEndpointEnabledAction, updateWebhookEndpointAction } from "../actions";

type SearchParams = Record<string, string | string[] | undefined>;

interface Props {
  params: Promise<{ endpointId: string }>;
  searchParams: Promise<SearchParams>;
}

const SECTION = "rounded-xl border border-slate-200 bg-white p-4 shadow-sm";

// One webhook endpoint: its settings, its secret behind a disclosure, its delivery log, and turning
// it off or deleting it. Only agents: anyone else gets the same 404 as an endpoint that does not exist.
const loadEndpoint = cache(async (endpointId: string) => {
  const viewer = await requireAgentViewer(webhookEndpointHref(endpointId));
  return { viewer, ...found(await getWebhookEndpoint(getDatabase(), viewer, { endpointId })) };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { endpointId } = await params;
  const [{ endpoint }, t] = await Promise.all([loadEndpoint(endpointId), getTranslations("agentWebhooks")]);
  return { title: t("endpointTitle", { url: endpoint.url }) };
}

export default async function WebhookEndpointPage({ params, searchParams }: Props) {
  const { endpointId } = await params;
  const { viewer, endpoint } = await loadEndpoint(endpointId);
  const [{ page }, t] = await Promise.all([
    listWebhookDeliveries(getDatabase(), viewer, { ...(await searchParams), endpointId: endpoint.id }).then(found),
    getTranslations("agentWebhooks"),
  ]);
  const fields = { endpointId: endpoint.id };
  return (
    <div className="space-y-6">
      <div>
        <Link href={WEBHOOKS_PATH} className={`text-sm ${linkClass}`}>
          <span aria-hidden="true">← </span>
          {t("back")}
        </Link>
        <h1 className="mt-2 text-2xl font-bold break-all">{endpoint.url}</h1>
        {endpoint.description && <p className="mt-1 text-sm text-slate-700">{endpoint.description}</p>}
        <div className="mt-3 flex flex-wrap items-center gap-3">
          <EndpointStateBadge enabled={endpoint.enabled} label={endpoint.enabled ? t("state.enabled") : t("state.disabled")} />
          <PostButton
            action={setWebhookEndpointEnabledAction}
            fields={{ ...fields, enabled: String(!endpoint.enabled) }}
            submit={endpoint.enabled ? t("disable") : t("enable")}
          />
        </div>
        {!endpoint.enabled && <p className="mt-2 max-w-3xl text-sm text-slate-700">{t("disabledNote")}</p>}
      </div>

      <EndpointForm
        action={updateWebhookEndpointAction}
        labels={await endpointFormLabels("edit")}
        events={WEBHOOK_EVENTS}
        endpoint={endpoint}
        urlMaxLength={MAX_WEBHOOK_URL_LENGTH}
        descriptionMaxLength={MAX_WEBHOOK_DESCRIPTION_LENGTH}
      />

      <section aria-labelledby="webhook-secret" className={`${SECTION} space-y-3`}>
        <h2 id="webhook-secret" className="text-lg font-semibold">
          {t("secret.heading")}
        </h2>
        <p className="max-w-3xl text-sm text-slate-700">{t("secret.intro")}</p>
        {/* Hidden until asked for, so that it does not show on a shared screen by accident. */}
        <details>
          <summary className={`inline-block cursor-pointer rounded-sm text-sm font-medium text-indigo-700 hover:underline ${focusRing}`}>{t("secret.show")}</summary>
          <code className="mt-2 block rounded bg-slate-50 p-2 font-mono text-sm break-all select-all">{endpoint.secret}</code>
        </details>
        <PostButton
          action={rotateWebhookSecretAction}
          fields={fields}
          submit={t("secret.rotate")}
          confirm={{ question: t("secret.rotateConfirm"), submit: t("secret.rotateSubmit") }}
        />
      </section>

      <DeliveryLog endpointId={endpoint.id} page={page} />

      <PostButton
        action={deleteWebhookEndpointAction}
        fields={fields}
        tone="danger"
        submit={t("delete")}
        confirm={{ question: t("deleteConfirm"), submit: t("deleteSubmit") }}
      />
    </div>
  );
}
