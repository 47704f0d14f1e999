// Inbound mail (docs/email.md): which mail a robot sent, and which request a mail belongs to. The
// mail reader (src/server/mail/inbound) gathers the markers; these rules decide, so every transport
// (SMTP, IMAP, webhook) threads a mail the same way.

import { MINUTE } from "./clock";

export type AutomaticMailKind = "auto_reply" | "bounce";

export interface AutomaticMail {
  kind: AutomaticMailKind;
  /** Which header gave it away, for the mail log: "auto_submitted:auto-replied", "delivery_report", … */
  reason: string;
}

/** The headers that tell a robot's mail, as sent (unfolded, decoded); absent ones left out. */
export interface AutomaticMailHeaders {
  autoSubmitted?: string;
  xAutoreply?: string;
  xAutorespond?: string;
  precedence?: string;
  /** The top-level media type, e.g. "multipart/report". */
  contentType?: string;
  /** The Return-Path header or the envelope's MAIL FROM; "" or "<>" is the null sender of bounces and auto-replies. Null or absent: unknown. */
  returnPath?: string | null;
  /** The sender's address. */
  from?: string;
  /** The report-type parameter of a multipart/report. */
  reportType?: string;
  subject?: string;
}

const ROBOT_SENDERS = /^(mailer-daemon|postmaster)(@|$)/i;

/** Subjects only delivery systems write; a person's "Re: undeliverable invoice" does not start this way. */
const BOUNCE_SUBJECTS =
  /^\s*(undelivered mail returned to sender|delivery status notification \((failure|delay)\)|undeliverable:|undelivered mail:|mail delivery failed|returned mail:|failure notice\s*$|delivery failure:|non recapitabile:|mancato recapito)/i;

/** Subject prefixes out-of-office responders add, in the languages Portico speaks. */
const AUTO_REPLY_SUBJECTS = /^\s*(automatic reply|auto(matic)?[- ]?reply|autoreply|out of (the )?office( reply| autoreply)?|risposta automatica|fuori sede|자동\s*회신|자동\s*응답|부재중)\s*[:：]/i;

function said(value: string | undefined): string {
  return (value ?? "").trim().toLowerCase();
}

/**
 * Whether a robot sent the mail (RFC 3834, RFC 3464, and the habits of common responders), so it is
 * neither threaded as a customer's words nor answered: answering an auto-reply starts a mail loop.
 * Bounces come first: a delivery report may also say Auto-Submitted, and a bounce tells more.
 */
export function automaticMail(headers: AutomaticMailHeaders): AutomaticMail | null {
  const contentType = said(headers.contentType);
  const reportType = said(headers.reportType);
  if (contentType === "multipart/report") {
    if (reportType === "delivery-status" || reportType === "global-delivery-status") return { kind: "bounce", reason: "delivery_report" };
    // Read receipts (disposition-notification) and other reports: a robot, not a bounce.
    return { kind: "auto_reply", reason: `report:${reportType || "unknown"}` };
  }
  const from = said(headers.from);
  if (ROBOT_SENDERS.test(from)) return { kind: "bounce", reason: "mailer_daemon" };
  if (BOUNCE_SUBJECTS.test(headers.subject ?? "")) return { kind: "bounce", reason: "bounce_subject" };

  const autoSubmitted = said(headers.autoSubmitted).split(";")[0]?.trim() ?? "";
  if (autoSubmitted && autoSubmitted !== "no") return { kind: "auto_reply", reason: `auto_submitted:${autoSubmitted}` };
  const xAutoreply = said(headers.xAutoreply);
  if (headers.xAutoreply !== undefined && !["no", "false", "0"].includes(xAutoreply)) return { kind: "auto_reply", reason: "x_autoreply" };
  if (headers.xAutorespond !== undefined && !["no", "false", "0"].includes(said(headers.xAutorespond))) return { kind: "auto_reply", reason: "x_autorespond" };
  const precedence = said(headers.precedence);
  if (["bulk", "junk", "list", "auto_reply"].includes(precedence)) return { kind: "auto_reply", reason: `precedence:${precedence}` };
  if (AUTO_REPLY_SUBJECTS.test(headers.subject ?? "")) return { kind: "auto_reply", reason: "auto_reply_subject" };
  // The null sender: only bounces and auto-replies are sent without a return path (RFC 5321 §4.5.5).
  if (headers.returnPath !== undefined && headers.returnPath !== null && /^\s*<?\s*>?\s*$/.test(headers.returnPath)) {
    return { kind: "auto_reply", reason: "empty_return_path" };
  }
  return null;
}

/** Request ids are PostgreSQL integers: a larger "number" in a subject is noise, not a request. */
const MAX_REQUEST_ID = 2 ** 31 - 1;

/** The request named by the first `[#1234]` tag in a subject, as Portico writes it in every mail it sends. */
export function subjectRequestId(subject: string): number | null {
  for (const match of subject.matchAll(/\[#(\d{1,12})\]/g)) {
    const id = Number(match[1]);
    if (Number.isSafeInteger(id) && id > 0 && id <= MAX_REQUEST_ID) return id;
  }
  return null;
}

export type ThreadToken = { valid: true; requestId: number } | { valid: false; requestId: number | null };

/** What a mail says about the request it belongs to, strongest first. */
export interface ThreadMarkers {
  /** The reply-address tokens among the recipients (To, Cc, delivery headers, envelope), in order. */
  tokens: ReadonlyArray<ThreadToken>;
  /** Requests whose Message-IDs (sent or received by Portico) the In-Reply-To and References name, In-Reply-To first. */
  referencedRequestIds: readonly number[];
  subjectRequestId: number | null;
}

/** Who sent the mail, as far as Portico knows the address. */
export interface SenderStanding {
  /** The address is a Portico user's. */
  known: boolean;
  isAgent: boolean;
  /** Whether this person may add a public reply to the request (requester, CC, organization access). */
  mayReply: (requestId: number) => boolean;
}

export type MailHoldReason = "tampered_token" | "sender_may_not_reply" | "unknown_sender" | "agent_sender";

export type ThreadDecision =
  | { action: "append"; requestId: number; via: "token" | "references" | "subject" }
  | { action: "hold"; reason: MailHoldReason; requestId: number | null }
  | { action: "new_request" };

/**
 * Why a mail is held for an agent (docs/email.md "What is held"): the threading rules' reasons, a
 * sender over the rate limit, or the request rules refusing the reply or new request when it was written.
 */
export type InboundHoldReason = MailHoldReason | "rate_limited" | "refused";

/** More mail than this from one sender within the window is held: two robots answering each other stop here. */
export const SENDER_RATE_LIMIT = { mails: 20, windowMs: 10 * MINUTE } as const;

/**
 * Where a mail goes: appended to a request, held for an agent to look at, or a new request.
 *
 * - Any token Portico did not sign holds the mail as `tampered_token`, even when a valid token is
 *   also present: an altered reply address is an attempt to reach a request by guessing, and an
 *   agent should see it rather than the rules picking the "good" half of the mail.
 * - An agent's mail is held (`agent_sender`): agents answer in the console, where the choice between
 *   a public reply and an internal note is explicit.
 * - The strongest marker decides the request: a signed token in any recipient, else the first
 *   request the In-Reply-To/References name, else the subject's `[#id]`. If the sender may not reply
 *   to that request the mail is held (`sender_may_not_reply`): weaker markers are not searched for a
 *   request they may reply to, since a subject tag or a reference is easy to write by hand.
 * - No marker: a known person's mail starts a new request; a stranger's is held (`unknown_sender`).
 */
export function decideThread(markers: ThreadMarkers, sender: SenderStanding): ThreadDecision {
  const tampered = markers.tokens.find((token) => !token.valid);
  if (tampered) return { action: "hold", reason: "tampered_token", requestId: tampered.requestId };

  const marked = threadMarker(markers);
  if (sender.isAgent) return { action: "hold", reason: "agent_sender", requestId: marked?.requestId ?? null };
  if (!marked) return sender.known ? { action: "new_request" } : { action: "hold", reason: "unknown_sender", requestId: null };
  if (!sender.mayReply(marked.requestId)) return { action: "hold", reason: "sender_may_not_reply", requestId: marked.requestId };
  return { action: "append", requestId: marked.requestId, via: marked.via };
}

function threadMarker(markers: ThreadMarkers): { requestId: number; via: "token" | "references" | "subject" } | null {
  const token = markers.tokens.find((candidate): candidate is { valid: true; requestId: number } => candidate.valid);
  if (token) return { requestId: token.requestId, via: "token" };
  const referenced = markers.referencedRequestIds[0];
  if (referenced !== undefined) return { requestId: referenced, via: "references" };
  if (markers.subjectRequestId !== null) return { requestId: markers.subjectRequestId, via: "subject" };
  return null;
}
