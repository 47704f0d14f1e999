import "server-only";
import { Fragment } from "react";
import { Section, Text } from "@react-email/components";
import type { Locale } from "@/i18n/locales";
import { MailButton, MailLayout } from "./layout";
import { MailFooter } from "./request-mail";
import { colors, small, text } from "./styles";

// An ended chat, mailed to the customer who started it: every line with who wrote it and when, as
// plain text (chat lines are not Markdown), then the way to the request the chat belongs to.

export interface ChatTranscriptMailView {
  locale: Locale;
  replySeparator: string | null;
  greeting: string;
  explanation: readonly string[];
  /** "#1042 Dashboard does not load" */
  title: string;
  lines: ReadonlyArray<{ key: string; heading: string; body: string }>;
  replyHint: string;
  action: { href: string; label: string };
  footer: { about: string; links: ReadonlyArray<{ href: string; label: string }> };
}

export function ChatTranscriptMail(view: ChatTranscriptMailView) {
  return (
    <MailLayout locale={view.locale} replySeparator={view.replySeparator} footer={<MailFooter {...view.footer} />}>
      <Text style={text}>{view.greeting}</Text>
      {view.explanation.map((line) => (
        <Text key={line} style={text}>
          {line}
        </Text>
      ))}
      <Section style={{ margin: "0 0 16px", padding: "12px 16px", backgroundColor: colors.page, borderRadius: "6px" }}>
        <Text style={{ ...text, margin: 0, fontWeight: 600 }}>{view.title}</Text>
      </Section>
      {view.lines.map((line) => (
        <Section key={line.key} style={{ margin: "0 0 12px" }}>
          <Text style={{ ...small, margin: "0 0 2px", fontWeight: 600 }}>{line.heading}</Text>
          <Section style={{ borderLeft: `4px solid ${colors.border}`, padding: "0 0 0 12px" }}>
            {/* Line breaks kept as <br>, so the text part keeps them too; the words are React text, escaped. */}
            <Text style={{ ...text, margin: 0 }}>
              {line.body.split(/\r?\n/).map((part, index) => (
                <Fragment key={index}>
                  {index > 0 && <br />}
                  {part}
                </Fragment>
              ))}
            </Text>
          </Section>
        </Section>
      ))}
      <Text style={text}>{view.replyHint}</Text>
      <MailButton href={view.action.href}>{view.action.label}</MailButton>
    </MailLayout>
  );
}
