"use client";

import { useActionState } from "react";
import { initialFormState, type FormAction } from "@/ui/form-state";
import { focusRing } from "@/ui/styles";

// A row's Disable / Enable form: a plain form posting to a server action, so it works without
// JavaScript. Disabling signs the person out everywhere, so it takes a second, deliberate step: the
// first button only opens the confirmation (a <details>, no script needed). One form for both, so
// its answer stays beside the row when the row turns from one to the other.

export interface AccountStatusLabels {
  disable: string;
  disableConfirm: string;
  disableSubmit: string;
  disableLabel: string;
  disabling: string;
  enable: string;
  enableLabel: string;
  enabling: string;
}

const BUTTON = `rounded-md px-3 py-1.5 text-sm font-medium disabled:opacity-60 ${focusRing}`;

export function AccountStatusForm(props: { accountId: string; disabled: boolean; labels: AccountStatusLabels; action: FormAction }) {
  const [state, formAction, pending] = useActionState(props.action, initialFormState);
  const { labels } = props;
  return (
    <form action={formAction} className="space-y-1">
      <input type="hidden" name="accountId" value={props.accountId} />
      {props.disabled ? (
        <>
          <input type="hidden" name="change" value="enable" />
          <button type="submit" disabled={pending} aria-label={labels.enableLabel} className={`${BUTTON} border border-indigo-700 text-indigo-800 hover:bg-indigo-50`}>
            {pending ? labels.enabling : labels.enable}
          </button>
        </>
      ) : (
        <details className="group">
          <summary className={`${BUTTON} inline-block cursor-pointer list-none border border-red-700 text-red-800 hover:bg-red-50`}>{labels.disable}</summary>
          <div className="mt-2 max-w-xs space-y-2 rounded-md border border-red-200 bg-red-50 p-2">
            <p className="text-sm text-red-900">{labels.disableConfirm}</p>
            <input type="hidden" name="change" value="disable" />
            <button type="submit" disabled={pending} aria-label={labels.disableLabel} className={`${BUTTON} bg-red-700 text-white hover:bg-red-800`}>
              {pending ? labels.disabling : labels.disableSubmit}
            </button>
          </div>
        </details>
      )}
      {/* Always in the page, so that screen readers announce what appears in them. */}
      <p role="status" className="text-xs text-emerald-800">
        {state.status === "done" ? state.message : ""}
      </p>
      <p role="alert" className="text-xs text-red-700">
        {state.status === "error" ? state.message : ""}
      </p>
    </form>
  );
}
