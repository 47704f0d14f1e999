"use client";

import { useEffect, type FormEvent, type RefObject } from "react";
import type { FormState } from "@/ui/form-state";

// What someone is writing in a long text field is kept in the tab's session storage as they type,
// and given back if the page is reloaded or has to start again after an error, so nothing they wrote
// is lost; it is forgotten once the form's action took it. Session storage, under the writer's id,
// emptied at sign-out: a draft stays with its writer and the tab, never with the next person who signs
// in on the computer.

const PREFIX = "portico-draft:";

/** Forgets every draft of this tab: at sign-out. */
export function forgetDrafts(): void {
  for (const key of Object.keys(sessionStorage)) if (key.startsWith(PREFIX)) sessionStorage.removeItem(key);
}

/** Forgets one draft: when a form that leaves the page once it went through (a redirect) is sent. */
export function forgetDraft(key: string): void {
  sessionStorage.removeItem(PREFIX + key);
}

/**
 * Keeps the draft of the text field `name` of `form` under `key` (which names the writer and the
 * field); returns the form's input handler.
 */
export function useDraft(key: string, name: string, form: RefObject<HTMLFormElement | null>, state: FormState) {
  const storageKey = PREFIX + key;
  // On the first render and after each answer (the field starts afresh then).
  useEffect(() => {
    const field = form.current?.elements.namedItem(name);
    if (!(field instanceof HTMLTextAreaElement)) return;
    if (state.status === "done") {
      sessionStorage.removeItem(storageKey);
      return;
    }
    const draft = sessionStorage.getItem(storageKey);
    if (draft && !field.value) field.value = draft;
    // A refused text is kept again (a form that moves on after its action forgot it on submit).
    else if (state.status === "error" && field.value) sessionStorage.setItem(storageKey, field.value);
  }, [form, name, storageKey, state.status, state.submission]);

  return (event: FormEvent<HTMLFormElement>) => {
    const field = event.target;
    if (!(field instanceof HTMLTextAreaElement) || field.name !== name) return;
    if (field.value) sessionStorage.setItem(storageKey, field.value);
    else sessionStorage.removeItem(storageKey);
  };
}
