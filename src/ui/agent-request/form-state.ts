// What the agent request page's server actions answer to their forms (useActionState). Messages
// arrive translated; `values` gives the user's text back after an error (React resets a form after
// its action); `submission` changes on every answer so the fields start afresh.

export interface AgentFormState {
  status: "idle" | "done" | "error";
  message: string;
  values: Record<string, string>;
  submission: number;
}

export const initialAgentFormState: AgentFormState = { status: "idle", message: "", values: {}, submission: 0 };
