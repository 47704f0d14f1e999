import { describe, expect, it } from "vitest";
import {
  CHAT_PRESENCE_BEAT_MS,
  CHAT_PRESENCE_WINDOW_MS,
  CHAT_SUBJECT_LENGTH,
  DEFAULT_CHAT_IDLE_MS,
  chatPresenceSince,
  chatSide,
  chatSubject,
  checkAccept,
  checkChatEnd,
  checkChatMessage,
  checkChatStart,
  checkTransfer,
  isAvailableForChat,
  isChatIdle,
  type ChatParties,
} from "./chat";
import { MINUTE } from "./clock";
import { AUTOMATION_ACTOR, type Actor } from "./visibility";

// docs/product.md §6: who may start, take, write in, end and hand over a chat, and when it counts as idle.

const agent: Actor = { userId: "morgan", isAgent: true, memberships: [], grants: [] };
const otherAgent: Actor = { userId: "sam", isAgent: true, memberships: [], grants: [] };
const customer: Actor = { userId: "alice", isAgent: false, memberships: [{ organizationId: "acme", isTechnicalContact: false, isAdmin: false }], grants: [] };
const otherCustomer: Actor = { userId: "bob", isAgent: false, memberships: [{ organizationId: "acme", isTechnicalContact: false, isAdmin: false }], grants: [] };

const now = new Date("2026-12-04T10:00:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms);

const waiting: ChatParties = { status: "waiting", startedById: "alice", agentId: null };
const active: ChatParties = { status: "active", startedById: "alice", agentId: "morgan" };
const ended: ChatParties = { status: "ended", startedById: "alice", agentId: "morgan" };

const code = (result: { ok: boolean; refusal?: { code: string } }) => (result.ok ? "ok" : result.refusal?.code);

describe("availability", () => {
  it("needs the switch on and a beat within the last minute, edges included", () => {
    expect(isAvailableForChat({ chatAvailable: true, chatSeenAt: now }, now)).toBe(true);
    expect(isAvailableForChat({ chatAvailable: true, chatSeenAt: ago(CHAT_PRESENCE_WINDOW_MS) }, now)).toBe(true);
    expect(isAvailableForChat({ chatAvailable: true, chatSeenAt: ago(CHAT_PRESENCE_WINDOW_MS + 1) }, now)).toBe(false);
    expect(isAvailableForChat({ chatAvailable: false, chatSeenAt: now }, now)).toBe(false);
    expect(isAvailableForChat({ chatAvailable: true, chatSeenAt: null }, now)).toBe(false);
  });

  it("beats well inside the window, so one missed beat does not count an agent away", () => {
    expect(CHAT_PRESENCE_WINDOW_MS).toBe(MINUTE);
    expect(2 * CHAT_PRESENCE_BEAT_MS).toBeLessThan(CHAT_PRESENCE_WINDOW_MS);
    expect(isAvailableForChat({ chatAvailable: true, chatSeenAt: ago(2 * CHAT_PRESENCE_BEAT_MS) }, now)).toBe(true);
  });

  it("gives the oldest beat that still counts, for the query over every agent", () => {
    expect(chatPresenceSince(now)).toEqual(ago(CHAT_PRESENCE_WINDOW_MS));
    expect(isAvailableForChat({ chatAvailable: true, chatSeenAt: chatPresenceSince(now) }, now)).toBe(true);
  });
});

describe("starting a chat", () => {
  it("is for customers, while an agent is available", () => {
    expect(code(checkChatStart(customer, null, true))).toBe("ok");
    expect(code(checkChatStart(customer, { mergedIntoId: null }, true))).toBe("ok");
    expect(code(checkChatStart(agent, null, true))).toBe("agents_do_not_start_chats");
    expect(code(checkChatStart(AUTOMATION_ACTOR, null, true))).toBe("agents_do_not_start_chats");
    expect(code(checkChatStart(customer, null, false))).toBe("nobody_available");
  });

  it("is refused on a merged request, naming the one to chat about (before availability)", () => {
    const refused = checkChatStart(customer, { mergedIntoId: 42 }, false);
    expect(code(refused)).toBe("merged_request");
    expect(refused.ok ? "" : refused.refusal.message).toContain("#42");
  });
});

describe("the chat's sides", () => {
  it("are the customer who started it and the agent who holds it", () => {
    expect(chatSide(customer, active)).toBe("customer");
    expect(chatSide(agent, active)).toBe("agent");
    expect(chatSide(otherCustomer, active)).toBeNull();
    expect(chatSide(otherAgent, active)).toBeNull();
    // Nobody holds a waiting chat yet.
    expect(chatSide(agent, waiting)).toBeNull();
    expect(chatSide(customer, waiting)).toBe("customer");
  });
});

describe("accepting", () => {
  it("is for any agent while the chat waits", () => {
    expect(code(checkAccept(agent, waiting))).toBe("ok");
    expect(code(checkAccept(otherAgent, waiting))).toBe("ok");
    expect(code(checkAccept(customer, waiting))).toBe("not_in_chat");
    expect(code(checkAccept(otherAgent, active))).toBe("not_waiting");
    expect(code(checkAccept(agent, ended))).toBe("chat_ended");
  });
});

describe("writing", () => {
  it("is for the customer from the start, and for the agent once they hold it", () => {
    expect(code(checkChatMessage(customer, waiting))).toBe("ok");
    expect(code(checkChatMessage(customer, active))).toBe("ok");
    expect(code(checkChatMessage(agent, active))).toBe("ok");
    expect(code(checkChatMessage(agent, waiting))).toBe("not_in_chat");
    expect(code(checkChatMessage(otherAgent, active))).toBe("not_in_chat");
    expect(code(checkChatMessage(otherCustomer, active))).toBe("not_in_chat");
    expect(code(checkChatMessage(customer, ended))).toBe("chat_ended");
    expect(code(checkChatMessage(agent, ended))).toBe("chat_ended");
  });
});

describe("ending", () => {
  it("is for either side, once", () => {
    expect(code(checkChatEnd(customer, waiting))).toBe("ok");
    expect(code(checkChatEnd(customer, active))).toBe("ok");
    expect(code(checkChatEnd(agent, active))).toBe("ok");
    expect(code(checkChatEnd(otherAgent, active))).toBe("not_in_chat");
    expect(code(checkChatEnd(otherCustomer, waiting))).toBe("not_in_chat");
    expect(code(checkChatEnd(customer, ended))).toBe("chat_ended");
  });
});

describe("transferring", () => {
  const to = (id: string, available: boolean) => ({ id, available });

  it("is for the agent holding the chat, to another available agent", () => {
    expect(code(checkTransfer(agent, active, to("sam", true)))).toBe("ok");
    expect(code(checkTransfer(agent, active, to("sam", false)))).toBe("transfer_to_unavailable");
    expect(code(checkTransfer(agent, active, to("morgan", true)))).toBe("transfer_to_self");
    expect(code(checkTransfer(otherAgent, active, to("hana", true)))).toBe("not_in_chat");
    expect(code(checkTransfer(customer, active, to("sam", true)))).toBe("not_in_chat");
    // A waiting chat is accepted, not transferred.
    expect(code(checkTransfer(agent, waiting, to("sam", true)))).toBe("not_in_chat");
    expect(code(checkTransfer(agent, ended, to("sam", true)))).toBe("chat_ended");
  });
});

describe("idle", () => {
  it("is an open chat nobody wrote in for the idle time, edge included", () => {
    expect(DEFAULT_CHAT_IDLE_MS).toBe(15 * MINUTE);
    const idleMs = DEFAULT_CHAT_IDLE_MS;
    expect(isChatIdle({ status: "active", lastMessageAt: ago(idleMs) }, now, idleMs)).toBe(true);
    expect(isChatIdle({ status: "waiting", lastMessageAt: ago(idleMs + 1) }, now, idleMs)).toBe(true);
    expect(isChatIdle({ status: "active", lastMessageAt: ago(idleMs - 1) }, now, idleMs)).toBe(false);
    expect(isChatIdle({ status: "ended", lastMessageAt: ago(10 * idleMs) }, now, idleMs)).toBe(false);
    expect(isChatIdle({ status: "active", lastMessageAt: ago(5 * MINUTE) }, now, 5 * MINUTE)).toBe(true);
  });
});

describe("chatSubject", () => {
  it("is the first line of the first message, trimmed", () => {
    expect(chatSubject("  The dashboard is down  \nSince this morning")).toBe("The dashboard is down");
    expect(chatSubject("\n\nHello\r\nsecond")).toBe("Hello");
    expect(chatSubject("Short")).toBe("Short");
  });

  it("keeps a first line of exactly the limit whole", () => {
    const exact = "x".repeat(CHAT_SUBJECT_LENGTH);
    expect(chatSubject(exact)).toBe(exact);
  });

  it("shortens a longer line at a word, with an ellipsis, within the limit", () => {
    const words = "word ".repeat(40).trim();
    const subject = chatSubject(words);
    expect(subject.endsWith("…")).toBe(true);
    expect(subject.length).toBeLessThanOrEqual(CHAT_SUBJECT_LENGTH);
    expect(subject.slice(0, -1).endsWith("word")).toBe(true);
    expect(words.startsWith(subject.slice(0, -1))).toBe(true);
  });

  it("cuts mid-word when the line has no space late enough", () => {
    const long = "a".repeat(200);
    expect(chatSubject(long)).toBe(`${"a".repeat(CHAT_SUBJECT_LENGTH - 1)}…`);
    // A space only in the first half does not count as a word boundary worth cutting at.
    const early = `ab ${"c".repeat(200)}`;
    expect(chatSubject(early)).toBe(`${early.slice(0, CHAT_SUBJECT_LENGTH - 1)}…`);
  });
});
