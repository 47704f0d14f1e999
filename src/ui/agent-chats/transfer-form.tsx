"use client";

import { useActionState, useId } from "react";
import { initialFormState, sentText, type FormAction } from "@/ui/form-state";
import { SubmitRow } from "@/ui/submit-row";

// Handing a chat, and its request, to another available agent: a plain form posting to a server
// action, so it works without JavaScript. Once it went through, the console goes back to the Chats page.

export interface TransferLabels {
  heading: string;
  agent: string;
  choose: string;
  submit: string;
  submitting: string;
  none: string;
}

export function TransferForm(props: { chatId: string; agents: Array<{ id: string; name: string }>; action: FormAction; labels: TransferLabels }) {
  const [state, formAction, pending] = useActionState(props.action, initialFormState);
  const { labels, agents } = props;
  const headingId = useId();
  const selectId = useId();
  const errorId = useId();
  const fieldError = state.status === "error" ? state.fieldErrors.agentId : undefined;
  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id={headingId} className="text-base font-semibold">
        {labels.heading}
      </h2>
      {agents.length === 0 ? (
        <p className="mt-2 text-sm text-slate-700">{labels.none}</p>
      ) : (
        <form action={formAction} key={state.submission} className="mt-2">
          <input type="hidden" name="chatId" value={props.chatId} />
          <label htmlFor={selectId} className="block text-sm font-medium">
            {labels.agent}
          </label>
          <select
            id={selectId}
            name="agentId"
            required
            defaultValue={sentText(state, "agentId")}
            aria-invalid={fieldError ? true : undefined}
            aria-describedby={fieldError ? errorId : undefined}
            className="mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-sm focus:border-indigo-600 focus:outline-none focus:ring-2 focus:ring-indigo-600/30"
          >
            <option value="">{labels.choose}</option>
            {agents.map((agent) => (
              <option key={agent.id} value={agent.id}>
                {agent.name}
              </option>
            ))}
          </select>
          {fieldError && (
            <p id={errorId} className="mt-1 text-sm text-red-700">
              {fieldError}
            </p>
          )}
          <SubmitRow pending={pending} submit={labels.submit} submitting={labels.submitting} done={state.status === "done" ? state.message : ""} error={state.status === "error" && !fieldError ? state.message : ""} />
        </form>
      )}
    </section>
  );
}
