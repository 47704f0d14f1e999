/** The one button of an unsubscribe page: a plain form, so it works without JavaScript. */
export function ConfirmUnsubscribe(props: { action: (formData: FormData) => Promise<void>; token: string; label: string }) {
  return (
    <form action={props.action} className="mt-4">
      <input type="hidden" name="token" value={props.token} />
      <button type="submit" className="rounded-md bg-indigo-700 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-800 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600">
        {props.label}
      </button>
    </form>
  );
}
