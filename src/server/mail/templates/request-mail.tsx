import "server-only";
import type { ReactNode } from "react";
import { Link, Section, Text } from "@react-email/components";
import type { Locale } from "@/i18n/locales";
import { MailButton, MailLayout } from "./layout";
import { MailMarkdown } from "./markdown";
import { colors, link, small, text } from "./styles";

// A notification about a request, from texts already in the reader's language: who it is for, what
// happened, where the request stands, the latest public message, and the way to the request.

/** What every mail about a request shows around its own part, in the reader's language. */
export interface RequestMailFrameView {
  locale: Locale;
  /** Written first when the mail can be answered by replying to it. */
  replySeparator: string | null;
  greeting: string;
  /** What happened, one paragraph each. */
  explanation: readonly string[];
  /** "#1042 Dashboard does not load" */
  title: string;
  /** Where the request stands, under its title. */
  statusLine?: string;
  replyHint: string | null;
  action: { href: string; label: string };
  footer: { about: string; links: ReadonlyArray<{ href: string; label: string }> };
}

export interface RequestMailView extends RequestMailFrameView {
  statusLine: string;
  message: { heading: string; body: string } | null;
  imageLabel: (label: string) => string;
}

/** Greeting, what happened, the request's title, then the mail's own part, the reply hint and the way to the request. */
export function RequestMailFrame({ children, ...view }: RequestMailFrameView & { children: ReactNode }) {
  return (
    <MailLayout locale={view.locale} replySeparator={view.replySeparator} footer={<MailFooter {...view.footer} />}>
      <Text style={text}>{view.greeting}</Text>
      {view.explanation.map((line) => (
        <Text key={line} style={text}>
          {line}
        </Text>
      ))}
      <Section style={{ margin: "0 0 16px", padding: "12px 16px", backgroundColor: colors.page, borderRadius: "6px" }}>
        <Text style={{ ...text, margin: view.statusLine ? "0 0 4px" : 0, fontWeight: 600 }}>{view.title}</Text>
        {view.statusLine && <Text style={{ ...small, margin: 0 }}>{view.statusLine}</Text>}
      </Section>
      {children}
      {view.replyHint && <Text style={text}>{view.replyHint}</Text>}
      <MailButton href={view.action.href}>{view.action.label}</MailButton>
    </MailLayout>
  );
}

export function RequestMail({ message, imageLabel, ...frame }: RequestMailView) {
  return (
    <RequestMailFrame {...frame}>
      {message && (
        <Section style={{ margin: "0 0 16px" }}>
          <Text style={{ ...small, fontWeight: 600 }}>{message.heading}</Text>
          <Section style={{ borderLeft: `4px solid ${colors.border}`, padding: "0 0 0 12px" }}>
            <MailMarkdown text={message.body} imageLabel={imageLabel} />
          </Section>
        </Section>
      )}
    </RequestMailFrame>
  );
}

/** The footer every notification shares: why it came, and the links to the settings and to unsubscribe. */
export function MailFooter({ about, links }: RequestMailView["footer"]) {
  return (
    <>
      <Text style={small}>{about}</Text>
      <Text style={small}>
        {links.map((item, index) => (
          <span key={item.href}>
            {index > 0 && " · "}
            <Link href={item.href} style={{ ...link, color: colors.muted }}>
              {item.label}
            </Link>
          </span>
        ))}
      </Text>
    </>
  );
}
