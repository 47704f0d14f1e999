import { describe, expect, it } from "vitest";
import { automaticMail, decideThread, subjectRequestId, type SenderStanding, type ThreadMarkers } from "./inbound-mail";

const noMarkers: ThreadMarkers = { tokens: [], referencedRequestIds: [], subjectRequestId: null };
const customerOf = (...requestIds: number[]): SenderStanding => ({ known: true, isAgent: false, mayReply: (id) => requestIds.includes(id) });
const stranger: SenderStanding = { known: false, isAgent: false, mayReply: () => false };
const agent: SenderStanding = { known: true, isAgent: true, mayReply: () => true };

describe("automaticMail", () => {
  it("lets a person's mail through", () => {
    expect(automaticMail({ from: "alice@acme.test", subject: "Re: [#1042] Printer", returnPath: "<alice@acme.test>", autoSubmitted: "no" })).toBeNull();
    expect(automaticMail({})).toBeNull();
  });

  it.each([
    [{ autoSubmitted: "auto-replied" }, "auto_submitted:auto-replied"],
    [{ autoSubmitted: "Auto-Generated; owner-email=\"x@y\"" }, "auto_submitted:auto-generated"],
    [{ xAutoreply: "yes" }, "x_autoreply"],
    [{ xAutorespond: "Out of office" }, "x_autorespond"],
    [{ precedence: "Bulk" }, "precedence:bulk"],
    [{ precedence: "junk" }, "precedence:junk"],
    [{ precedence: "list" }, "precedence:list"],
    [{ subject: "Automatic reply: [#1042] Printer" }, "auto_reply_subject"],
    [{ subject: "Risposta automatica: [#1042] Stampante" }, "auto_reply_subject"],
    [{ returnPath: "<>" }, "empty_return_path"],
    [{ returnPath: "" }, "empty_return_path"],
    [{ contentType: "multipart/report", reportType: "disposition-notification" }, "report:disposition-notification"],
  ])("takes %j for an auto-reply", (headers, reason) => {
    expect(automaticMail(headers)).toEqual({ kind: "auto_reply", reason });
  });

  it.each([
    [{ contentType: "multipart/report", reportType: "delivery-status", autoSubmitted: "auto-replied" }, "delivery_report"],
    [{ contentType: "Multipart/Report", reportType: "Delivery-Status" }, "delivery_report"],
    [{ from: "MAILER-DAEMON@mx.example.net" }, "mailer_daemon"],
    [{ from: "postmaster@example.net" }, "mailer_daemon"],
    [{ subject: "Undelivered Mail Returned to Sender" }, "bounce_subject"],
    [{ subject: "Delivery Status Notification (Failure)" }, "bounce_subject"],
  ])("takes %j for a bounce", (headers, reason) => {
    expect(automaticMail(headers)).toEqual({ kind: "bounce", reason });
  });

  it("does not take a person's words about bounces or holidays for a robot", () => {
    expect(automaticMail({ subject: "Re: undeliverable invoice", from: "postmaster-team@acme.test" })).toBeNull();
    expect(automaticMail({ subject: "Out of office printers are broken", precedence: "normal", xAutoreply: "no" })).toBeNull();
    expect(automaticMail({ returnPath: null })).toBeNull();
  });
});

describe("subjectRequestId", () => {
  it("reads the first tag", () => {
    expect(subjectRequestId("Re: [#1042] Printer")).toBe(1042);
    expect(subjectRequestId("Fwd: [#7] merged into [#9]")).toBe(7);
    expect(subjectRequestId("R: R: [#0012] Stampante")).toBe(12);
  });

  it("ignores text that is not a tag and absurd numbers", () => {
    expect(subjectRequestId("Printer #1042")).toBeNull();
    expect(subjectRequestId("[1042]")).toBeNull();
    expect(subjectRequestId("[#0]")).toBeNull();
    expect(subjectRequestId(`[#${2 ** 31}]`)).toBeNull();
    expect(subjectRequestId(`[#${2 ** 31}] [#5]`)).toBe(5);
    expect(subjectRequestId("[#99999999999999999999]")).toBeNull();
    expect(subjectRequestId("")).toBeNull();
  });
});

describe("decideThread", () => {
  it("appends by the signed token first, whatever the references and subject say", () => {
    const markers = { tokens: [{ valid: true as const, requestId: 1 }], referencedRequestIds: [2], subjectRequestId: 3 };
    expect(decideThread(markers, customerOf(1, 2, 3))).toEqual({ action: "append", requestId: 1, via: "token" });
  });

  it("takes a valid token from any recipient", () => {
    const markers = { ...noMarkers, tokens: [{ valid: true as const, requestId: 4 }, { valid: true as const, requestId: 5 }] };
    expect(decideThread(markers, customerOf(4, 5))).toEqual({ action: "append", requestId: 4, via: "token" });
  });

  it("then the references, In-Reply-To first, then the subject", () => {
    expect(decideThread({ ...noMarkers, referencedRequestIds: [2, 3], subjectRequestId: 9 }, customerOf(2, 3, 9))).toEqual({
      action: "append",
      requestId: 2,
      via: "references",
    });
    expect(decideThread({ ...noMarkers, subjectRequestId: 9 }, customerOf(9))).toEqual({ action: "append", requestId: 9, via: "subject" });
  });

  it("holds the mail when the sender may not reply to the marked request, without trying weaker markers", () => {
    const markers = { tokens: [{ valid: true as const, requestId: 1 }], referencedRequestIds: [2], subjectRequestId: 3 };
    expect(decideThread(markers, customerOf(2, 3))).toEqual({ action: "hold", reason: "sender_may_not_reply", requestId: 1 });
    expect(decideThread({ ...noMarkers, referencedRequestIds: [2], subjectRequestId: 3 }, customerOf(3))).toEqual({
      action: "hold",
      reason: "sender_may_not_reply",
      requestId: 2,
    });
    expect(decideThread({ ...noMarkers, subjectRequestId: 3 }, stranger)).toEqual({ action: "hold", reason: "sender_may_not_reply", requestId: 3 });
  });

  it("holds any tampered token, even beside a valid one", () => {
    expect(decideThread({ ...noMarkers, tokens: [{ valid: false, requestId: 1 }] }, customerOf(1))).toEqual({
      action: "hold",
      reason: "tampered_token",
      requestId: 1,
    });
    const mixed = { ...noMarkers, tokens: [{ valid: true as const, requestId: 1 }, { valid: false as const, requestId: null }] };
    expect(decideThread(mixed, customerOf(1))).toEqual({ action: "hold", reason: "tampered_token", requestId: null });
  });

  it("holds an agent's mail: agents answer in the console", () => {
    expect(decideThread({ ...noMarkers, tokens: [{ valid: true, requestId: 1 }] }, agent)).toEqual({ action: "hold", reason: "agent_sender", requestId: 1 });
    expect(decideThread(noMarkers, agent)).toEqual({ action: "hold", reason: "agent_sender", requestId: null });
  });

  it("without a marker, a known customer starts a new request and a stranger is held", () => {
    expect(decideThread(noMarkers, customerOf())).toEqual({ action: "new_request" });
    expect(decideThread(noMarkers, stranger)).toEqual({ action: "hold", reason: "unknown_sender", requestId: null });
  });
});
