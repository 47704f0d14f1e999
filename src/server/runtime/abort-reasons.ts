// Each server render ends by aborting its cache signal with a fresh `Error`. Until its `stack` is read,
// V8 keeps that error's call sites — and with them each frame's receiver, among them the timer queue
// entry that ran the render, which Node leaves linked to the entries queued after it, each holding its
// own request. One finished page thereby keeps later pages' requests and responses alive: hundreds of
// megabytes under load (docs/PERFORMANCE.md, "Memory"). Reading the stack once turns it into a string
// and lets the rest go.

let installed = false;

/** Makes every `AbortController#abort` with an `Error` reason keep its stack as text only. */
export function releaseAbortReasonFrames(): void {
  if (installed) return;
  installed = true;
  const abort = AbortController.prototype.abort;
  AbortController.prototype.abort = function abortReleasingFrames(this: AbortController, reason?: unknown) {
    if (reason instanceof Error) void reason.stack;
    abort.call(this, reason);
  };
}
