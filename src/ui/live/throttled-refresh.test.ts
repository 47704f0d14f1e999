import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { throttledRefresh } from "./throttled-refresh";

describe("a live page's refresh", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("makes one refresh of a burst, a moment after its first event", () => {
    const refresh = vi.fn();
    const refreshes = throttledRefresh(refresh, 0);
    refreshes.request();
    refreshes.request();
    vi.advanceTimersByTime(149);
    expect(refresh).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it("waits out the interval after a refresh, and still refreshes once after the last event", () => {
    const refresh = vi.fn();
    const refreshes = throttledRefresh(refresh, 2_000);
    refreshes.request();
    vi.advanceTimersByTime(150);
    expect(refresh).toHaveBeenCalledTimes(1);
    refreshes.request();
    vi.advanceTimersByTime(1_000);
    refreshes.request();
    expect(refresh).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1_000);
    expect(refresh).toHaveBeenCalledTimes(2);
  });

  it("does nothing once cancelled", () => {
    const refresh = vi.fn();
    const refreshes = throttledRefresh(refresh, 0);
    refreshes.request();
    refreshes.cancel();
    vi.advanceTimersByTime(1_000);
    expect(refresh).not.toHaveBeenCalled();
  });

  it("holds a hidden page's refresh back until the page is shown, then refreshes once", () => {
    const refresh = vi.fn();
    let hidden = true;
    const refreshes = throttledRefresh(refresh, 2_000, () => hidden);
    refreshes.request();
    vi.advanceTimersByTime(150);
    refreshes.request();
    vi.advanceTimersByTime(10_000);
    expect(refresh).not.toHaveBeenCalled();
    hidden = false;
    refreshes.shown();
    vi.advanceTimersByTime(150);
    expect(refresh).toHaveBeenCalledTimes(1);
    refreshes.shown();
    vi.advanceTimersByTime(10_000);
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it("does not refresh a page shown again when nothing changed while it was hidden", () => {
    const refresh = vi.fn();
    const refreshes = throttledRefresh(refresh, 0, () => false);
    refreshes.shown();
    vi.advanceTimersByTime(1_000);
    expect(refresh).not.toHaveBeenCalled();
  });
});
