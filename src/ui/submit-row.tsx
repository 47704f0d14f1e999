import { useId } from "react";

/**
 * A form's submit button with its outcome beside it: a status line when it went through, an alert
 * when it did not. Both are always in the page, so screen readers announce what appears in them.
 */
export function SubmitRow(props: {
  pending: boolean;
  submit: string;
  submitting: string;
  done: string;
  error: string;
  /** Why the form cannot be sent yet (a file still uploading); the button waits meanwhile. */
  waiting?: string | undefined;
}) {
  const waitingId = useId();
  return (
    <div className="mt-3 flex flex-wrap items-center gap-3">
      <button
        type="submit"
        disabled={props.pending || Boolean(props.waiting)}
        aria-describedby={props.waiting ? waitingId : undefined}
        className="rounded-md bg-indigo-700 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-800 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:opacity-60"
      >
        {props.pending ? props.submitting : props.submit}
      </button>
      {props.waiting && (
        <p id={waitingId} className="text-sm text-slate-700">
          {props.waiting}
        </p>
      )}
      <p role="status" className="text-sm text-emerald-800">
        {props.done}
      </p>
      <p role="alert" className="text-sm text-red-700">
        {props.error}
      </p>
    </div>
  );
}
