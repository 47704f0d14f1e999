import type { ReactNode } from "react";
import { getTranslations } from "@/server/entry/translations";
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

interface OneMailAction {
  action: FormAction;
  mailId: string;
  /** Whether the action applies to the mail now. */
  available: boolean;
  placeholder?: ReactNode;
}

/**
 * Retry and Discard: the same form on one mail, told apart by their wording, and Discard, which
 * cannot be undone, asking first. `party` is whom the mail is to (Retry) or from (Discard), named
 * for screen readers.
 */
async function OneMailForm({ verb, party, ...props }: OneMailAction & { verb: "retry" | "discard"; party: string }) {
  const t = await getTranslations("agentMail");
  const discard = verb === "discard";
  return (
    <MailActionForm
      action={props.action}
      fields={{ mailId: props.mailId }}
      available={props.available}
      placeholder={props.placeholder}
      tone={discard ? "danger" : undefined}
      labels={
        discard
          ? {
              submit: t("actions.discard"),
              submitLabel: t("actions.discardLabel", { sender: party }),
              pending: t("actions.discarding"),
              confirm: { question: t("actions.discardConfirm"), submit: t("actions.discardSubmit") },
            }
          : { submit: t("actions.retry"), submitLabel: t("actions.retryLabel", { address: party }), pending: t("actions.retrying") }
      }
    />
  );
}

/** Discarding a held or unreadable mail, after a confirmation. */
export function DiscardForm({ sender, ...props }: OneMailAction & { sender: string }) {
  return <OneMailForm {...props} verb="discard" party={sender} />;
}

/** Sending a failed mail again. */
export function RetryForm({ address, ...props }: OneMailAction & { address: string }) {
  return <OneMailForm {...props} verb="retry" party={address} />;
}
