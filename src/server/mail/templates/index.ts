import "server-only";
import { render, toPlainText } from "@react-email/components";
import { createElement, type ReactElement } from "react";
import { STATUS_DEFINITIONS, type ChatEndedBy, type NotificationKind, type RequestStatus, type SolvedReason } from "@/domain";
import { formatDateTime } from "@/i18n/format";
import type { Locale } from "@/i18n/locales";
import { ChatTranscriptMail } from "./chat-transcript-mail";
import { PasswordResetMail } from "./password-reset-mail";
import { RequestMail } from "./request-mail";
import { mailTranslator, portalTranslator, type MailTranslator } from "./translate";

// The email templates (React Email): each notification in the recipient's language, as an HTML part
// and a plain-text part made from the same tree. Message bodies are Markdown, rendered sanitized.

export interface MailContent {
  /** Always carries the request number: "[#1042] …". */
  subject: string;
  html: string;
  text: string;
}

export interface RequestMailProps {
  kind: NotificationKind;
  locale: Locale;
  /** The reader's time zone for the quoted message's time; UTC when unknown. */
  timeZone?: string;
  recipientName: string;
  request: { id: number; subject: string; status: RequestStatus; solvedReason: SolvedReason | null; mergedIntoId: number | null };
  /** The latest public message on the request (never an internal note), Markdown as written. */
  message: { authorName: string; body: string; at: Date } | null;
  /** Absolute links: the request's page, the person's notification settings, and one-click unsubscribe from this kind. */
  requestUrl: string;
  preferencesUrl: string;
  unsubscribeUrl: string;
  /** Support's name, as in MAIL_FROM. */
  supportName: string;
}

export interface ChatTranscriptMailProps {
  locale: Locale;
  /** The reader's time zone for the lines' times; UTC when unknown. */
  timeZone?: string;
  recipientName: string;
  request: { id: number; subject: string };
  chat: { startedAt: Date; endedBy: ChatEndedBy | null };
  /** Every line, oldest first, as written (plain text). */
  lines: ReadonlyArray<{ id: string; authorName: string; body: string; sentAt: Date }>;
  requestUrl: string;
  preferencesUrl: string;
  unsubscribeUrl: string;
  supportName: string;
}

export interface PasswordResetMailProps {
  locale: Locale;
  recipientName: string;
  resetUrl: string;
  expiresInMinutes: number;
  supportName: string;
}

/** Written above the quoted notification in every mail, so a reply is cut there (src/server/mail/inbound). */
export const REPLY_ABOVE_THIS_LINE = "##- Please type your reply above this line -##";

/** The reasons a solved mail names; a merge is told on the request it went into, never as a solve. */
const TOLD_SOLVED_REASONS = ["agreed", "bug_reported", "no_response"] as const;
type ToldSolvedReason = (typeof TOLD_SOLVED_REASONS)[number];

function isToldSolvedReason(reason: SolvedReason | null): reason is ToldSolvedReason {
  return (TOLD_SOLVED_REASONS as readonly (string | null)[]).includes(reason);
}

/** People's text on one line: a line break in a header would start a new header. */
function oneLine(value: string): string {
  return value
    .replace(/[\p{Cc}\u2028\u2029]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** "Hello Ana," — or just "Hello," for an account without a name. */
function greetingFor(t: MailTranslator, name: string): string {
  const shown = oneLine(name);
  return shown ? t("greeting", { name: shown }) : t("greetingNoName");
}

/**
 * What every mail about a request shares: the greeting, its title, the way to the request and the
 * footer; and it can be answered by replying — the reply is threaded into the request.
 */
function requestFrame(t: MailTranslator, props: RequestMailProps | ChatTranscriptMailProps) {
  const { request, locale } = props;
  const support = oneLine(props.supportName);
  return {
    locale,
    replySeparator: REPLY_ABOVE_THIS_LINE,
    greeting: greetingFor(t, props.recipientName),
    title: `#${request.id} ${oneLine(request.subject)}`.trim(),
    action: { href: props.requestUrl, label: t("viewRequest", { id: request.id }) },
    footer: {
      about: t("footer.about", { support, id: request.id }),
      links: [
        { href: props.preferencesUrl, label: t("footer.preferences") },
        { href: props.unsubscribeUrl, label: t("footer.unsubscribe") },
      ],
    },
  };
}

async function toContent(subject: string, element: ReactElement): Promise<MailContent> {
  const html = await render(element);
  // The text part is the same tree read as text: links written out after their words, images skipped.
  const text = toPlainText(html, { selectors: [{ selector: "hr", options: { length: 40 } }] });
  return { subject, html, text: `${text.trim()}\n` };
}

export async function renderRequestMail(props: RequestMailProps): Promise<MailContent> {
  const { kind, locale, request, message, timeZone = "UTC" } = props;
  const t = mailTranslator(locale);
  const portal = portalTranslator(locale);
  const subject = oneLine(request.subject);
  const support = oneLine(props.supportName);
  const solvedReason = request.status === "solved" && isToldSolvedReason(request.solvedReason) ? request.solvedReason : null;

  const explanation =
    kind === "request_solved"
      ? [solvedReason ? t(`solvedExplain.${solvedReason}`) : t("explain.request_solved"), t("reopenHint")]
      : [t(`explain.${kind}`, { support })];
  const status = solvedReason ? t(`solvedAs.${solvedReason}`) : portal(STATUS_DEFINITIONS[request.status].labelKey);

  const element = createElement(RequestMail, {
    ...requestFrame(t, props),
    explanation,
    statusLine: t("statusLine", { label: portal("request.status"), status }),
    message: message && {
      heading: `${oneLine(message.authorName)} · ${formatDateTime(message.at, locale, timeZone)}`,
      body: message.body,
    },
    imageLabel: (label) => t("image", { label }),
    // The solved mail and the acknowledgement already say what a reply does.
    replyHint: kind === "request_solved" || kind === "acknowledgement" ? null : t("replyHint"),
  });
  return toContent(`[#${request.id}] ${t(`subject.${kind}`, { subject })}`.trim(), element);
}

export async function renderChatTranscriptMail(props: ChatTranscriptMailProps): Promise<MailContent> {
  const { locale, request, timeZone = "UTC" } = props;
  const t = mailTranslator(locale);
  const subject = oneLine(request.subject);
  const support = oneLine(props.supportName);
  const explanation = [t("chatTranscript.explain", { support, date: formatDateTime(props.chat.startedAt, locale, timeZone) })];
  if (props.chat.endedBy === "idle") explanation.push(t("chatTranscript.endedIdle"));
  const element = createElement(ChatTranscriptMail, {
    ...requestFrame(t, props),
    explanation,
    lines: props.lines.map((line) => ({
      key: line.id,
      heading: t("chatTranscript.line", { name: oneLine(line.authorName), time: formatDateTime(line.sentAt, locale, timeZone) }),
      body: line.body,
    })),
    replyHint: t("replyHint"),
  });
  return toContent(`[#${request.id}] ${t("chatTranscript.subject", { subject })}`.trim(), element);
}

export async function renderPasswordResetMail(props: PasswordResetMailProps): Promise<MailContent> {
  const { locale, expiresInMinutes } = props;
  const t = mailTranslator(locale);
  // Whole hours read better than "120 minutes".
  const duration =
    expiresInMinutes >= 60 && expiresInMinutes % 60 === 0
      ? t("passwordReset.hours", { count: expiresInMinutes / 60 })
      : t("passwordReset.minutes", { count: expiresInMinutes });
  const element = createElement(PasswordResetMail, {
    locale,
    greeting: greetingFor(t, props.recipientName),
    explanation: t("passwordReset.explain"),
    action: { href: props.resetUrl, label: t("passwordReset.button") },
    validity: t("passwordReset.validFor", { duration }),
    ignore: t("passwordReset.ignore"),
    copyLink: t("passwordReset.copyLink"),
    sentBy: t("passwordReset.sentBy", { support: oneLine(props.supportName) }),
  });
  return toContent(t("passwordReset.subject"), element);
}
