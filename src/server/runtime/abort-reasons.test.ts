import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { releaseAbortReasonFrames } from "./abort-reasons";

setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;

/** Aborts a controller from a method of a large object; keeps only the signal and a weak reference to that object. */
function abortFromAMethod(abortOf: (controller: AbortController, reason: Error) => void) {
  const holder = {
    payload: new Array<number>(100_000).fill(1),
    finish(controller: AbortController) {
      abortOf(controller, new Error("This render completed successfully."));
    },
  };
  const controller = new AbortController();
  holder.finish(controller);
  return { signal: controller.signal, holder: new WeakRef(holder) };
}

async function survivesCollection(abortOf: (controller: AbortController, reason: Error) => void) {
  const { signal, holder } = abortFromAMethod(abortOf);
  // A weak reference's target is kept until the current job ends.
  await new Promise((done) => setTimeout(done, 0));
  collectGarbage();
  collectGarbage();
  expect(signal.aborted).toBe(true);
  return holder.deref() !== undefined;
}

describe("releaseAbortReasonFrames", () => {
  const originalAbort = AbortController.prototype.abort;

  it("an aborted signal's reason no longer keeps the objects whose methods were running", async () => {
    // Before: the reason's unread stack keeps the method's receiver alive as long as the signal lives.
    expect(await survivesCollection((controller, reason) => originalAbort.call(controller, reason))).toBe(true);
    releaseAbortReasonFrames();
    expect(await survivesCollection((controller, reason) => controller.abort(reason))).toBe(false);
  });

  it("keeps the reason and its stack as text", () => {
    releaseAbortReasonFrames();
    const controller = new AbortController();
    const reason = new Error("done");
    controller.abort(reason);
    expect(controller.signal.reason).toBe(reason);
    expect(reason.stack).toMatch(/^Error: done\n\s+at /);
    const plain = new AbortController();
    plain.abort("no error");
    expect(plain.signal.reason).toBe("no error");
  });
});
