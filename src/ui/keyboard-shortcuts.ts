// The console's single-key shortcuts (the queue's j/k/x, the request page's r/n, ? everywhere) never
// fire while someone is writing, with a modifier held (the browser's own shortcuts), or while a
// dialog is open.

const NOT_TEXT_INPUTS = new Set(["checkbox", "radio", "button", "submit", "reset", "image", "file", "color", "range"]);

/** Whether a key press is someone writing (a text field, a select, an editable area), not a shortcut. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !NOT_TEXT_INPUTS.has(target.type);
}

/** Whether this key press may be taken as a shortcut. */
export function isShortcutPress(event: KeyboardEvent): boolean {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return false;
  return document.querySelector("dialog[open]") === null;
}
