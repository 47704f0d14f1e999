import { describe, expect, it } from "vitest";
import { chatEventChangesPage, queueChatLines } from "./chat-refresh";

describe("which chat events refresh a console page", () => {
  it("refreshes on a chat's start, taking, handing over and end, on any page", () => {
    for (const kind of ["waiting", "joined", "transferred", "ended"]) {
      expect(chatEventChangesPage({ kind, requestId: 9 }, [])).toBe(true);
    }
  });

  it("refreshes on a line only where its request's activity shows or may bring it in", () => {
    expect(chatEventChangesPage({ kind: "message", requestId: 7 }, [3, 7])).toBe(true);
    expect(chatEventChangesPage({ kind: "message", requestId: 9 }, [3, 7])).toBe(false);
    expect(chatEventChangesPage({ kind: "message", requestId: 9 }, "every request")).toBe(true);
    expect(chatEventChangesPage({ kind: "message" }, [3, 7])).toBe(false);
  });

  it("ignores what it does not know", () => {
    expect(chatEventChangesPage({ kind: "typing", requestId: 7 }, "every request")).toBe(false);
    expect(chatEventChangesPage({}, "every request")).toBe(false);
  });

  it("follows every request's lines on a queue ordered by activity or searched, else its rows'", () => {
    expect(queueChatLines({ sort: "due" }, [3, 7])).toEqual([3, 7]);
    expect(queueChatLines({ sort: "created", q: null }, [3])).toEqual([3]);
    expect(queueChatLines({ sort: "activity" }, [3])).toBe("every request");
    expect(queueChatLines({ sort: "due", q: "printer" }, [3])).toBe("every request");
  });
});
