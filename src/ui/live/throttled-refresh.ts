// The live pages' refresh (docs/realtime.md): an event asks for the page's server parts again, at most
// once every `everyMs`, and always once more after a burst, so the final state is shown. Even when
// allowed at once it waits a moment, so the events of one change (a reply that also changes the
// status) make one refresh.

const BURST_MS = 150;

export interface ThrottledRefresh {
  /** Asks for a refresh; several asks before it happens make one. */
  request(): void;
  cancel(): void;
}

export function throttledRefresh(refresh: () => void, everyMs: number): ThrottledRefresh {
  let pending: ReturnType<typeof setTimeout> | undefined;
  let last = 0;
  return {
    request() {
      if (pending !== undefined) return;
      pending = setTimeout(
        () => {
          pending = undefined;
          last = Date.now();
          refresh();
        },
        Math.max(last + everyMs - Date.now(), BURST_MS),
      );
    },
    cancel() {
      clearTimeout(pending);
      pending = undefined;
    },
  };
}
