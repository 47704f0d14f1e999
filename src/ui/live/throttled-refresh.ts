// The live pages' refresh (docs/realtime.md): an event asks for the page's server parts again, at most
// once every `everyMs`, and always once more after a burst, so the final state is shown. Even when
// allowed at once it waits a moment, so the events of one change (a reply that also changes the
// status) make one refresh. A hidden page (a background tab) is not refreshed: it remembers that it
// missed a change and refreshes once when it is shown again.

const BURST_MS = 150;

export interface ThrottledRefresh {
  /** Asks for a refresh; several asks before it happens make one. */
  request(): void;
  /** The page is shown again: a refresh held back while it was hidden is asked for now. */
  shown(): void;
  cancel(): void;
}

export function throttledRefresh(refresh: () => void, everyMs: number, hidden: () => boolean = () => false): ThrottledRefresh {
  let pending: ReturnType<typeof setTimeout> | undefined;
  let last = 0;
  let held = false;
  const request = () => {
    if (pending !== undefined) return;
    pending = setTimeout(
      () => {
        pending = undefined;
        if (hidden()) {
          held = true;
          return;
        }
        last = Date.now();
        refresh();
      },
      Math.max(last + everyMs - Date.now(), BURST_MS),
    );
  };
  return {
    request,
    shown() {
      if (!held) return;
      held = false;
      request();
    },
    cancel() {
      clearTimeout(pending);
      pending = undefined;
      held = false;
    },
  };
}
