import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { focusRing } from "@/ui/styles";
import type { FormAction } from "@/ui/form-state";
import { MailActionForm } from "./mail-action-form";

// What the Mail page's lists and detail pages share: the header list of a mail, its facts, and the
// Retry and Discard actions with their wording.

export const linkClass = `rounded-sm font-medium text-indigo-700 hover:underline ${focusRing}`;
export const SECTION = "rounded-lg border border-slate-200 bg-white p-4";

/** A mail's headers as a mail client's "show original" lists them. */
export function HeaderList({ headers }: { headers: ReadonlyArray<{ name: string; value: string }> }) {
  return (
    <dl className="mt-3 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 font-mono text-xs">
      {headers.map((header) => (
        <div key={header.name} className="contents">
          <dt className="font-semibold text-slate-700">{header.name}:</dt>
          <dd className="break-all">{header.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Labelled facts about a mail (status, times, attempts…). */
export function FactList({ facts }: { facts: ReadonlyArray<readonly [string, ReactNode]> }) {
  return (
    <dl className="mt-3 space-y-2 text-sm">
      {facts.map(([label, value]) => (
        <div key={label}>
          <dt className="text-xs font-medium text-slate-600">{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Discarding a held or unreadable mail, after a confirmation. */
export async function DiscardForm(props: { action: FormAction; mailId: string; sender: string; available: boolean; placeholder?: ReactNode }) {
  const t = await getTranslations("agentMail");
  return (
    <MailActionForm
      action={props.action}
      fields={{ mailId: props.mailId }}
      available={props.available}
      placeholder={props.placeholder}
      tone="danger"
      labels={{
        submit: t("actions.discard"),
        submitLabel: t("actions.discardLabel", { sender: props.sender }),
        pending: t("actions.discarding"),
        confirm: { question: t("actions.discardConfirm"), submit: t("actions.discardSubmit") },
      }}
    />
  );
}

/** Sending a failed mail again. */
export async function RetryForm(props: { action: FormAction; mailId: string; address: string; available: boolean; placeholder?: ReactNode }) {
  const t = await getTranslations("agentMail");
  return (
    <MailActionForm
      action={props.action}
      fields={{ mailId: props.mailId }}
      available={props.available}
      placeholder={props.placeholder}
      labels={{ submit: t("actions.retry"), submitLabel: t("actions.retryLabel", { address: props.address }), pending: t("actions.retrying") }}
    />
  );
}
