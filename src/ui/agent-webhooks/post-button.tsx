import { focusRing } from "@/ui/styles";

// A button of an endpoint's page (turn off, rotate the secret, delete): a plain form posting to a
// server action that shows the page again, so it works without JavaScript. One that cannot be undone
// asks first: the first button only opens the confirmation (a <details>, no script needed).

const BUTTON = `rounded-md px-3 py-1.5 text-sm font-medium ${focusRing}`;

export function PostButton(props: {
  action: (formData: FormData) => Promise<void>;
  fields: Record<string, string>;
  submit: string;
  tone?: "neutral" | "danger";
  confirm?: { question: string; submit: string };
}) {
  const danger = props.tone === "danger";
  const outline = danger ? "border border-red-700 text-red-800 hover:bg-red-50" : "border border-indigo-700 text-indigo-800 hover:bg-indigo-50";
  return (
    <form action={props.action}>
      {Object.entries(props.fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {props.confirm ? (
        <details>
          <summary className={`${BUTTON} ${outline} inline-block cursor-pointer list-none`}>{props.submit}</summary>
          <div className={`mt-2 max-w-sm space-y-2 rounded-md border p-2 ${danger ? "border-red-200 bg-red-50" : "border-indigo-200 bg-indigo-50"}`}>
            <p className={`text-sm ${danger ? "text-red-900" : "text-indigo-950"}`}>{props.confirm.question}</p>
            <button type="submit" className={`${BUTTON} ${danger ? "bg-red-700 text-white hover:bg-red-800" : "bg-indigo-700 text-white hover:bg-indigo-800"}`}>
              {props.confirm.submit}
            </button>
          </div>
        </details>
      ) : (
        <button type="submit" className={`${BUTTON} ${outline}`}>
          {props.submit}
        </button>
      )}
    </form>
  );
}
