import "server-only";
import { Link, Text } from "@react-email/components";
import type { Locale } from "@/i18n/locales";
import { MailButton, MailLayout } from "./layout";
import { link, small, text } from "./styles";

// The password reset link, from texts already in the reader's language. Nobody replies to it, so it
// has no reply separator; it is about the account, so it has no notification links either.

export interface PasswordResetMailView {
  locale: Locale;
  greeting: string;
  explanation: string;
  action: { href: string; label: string };
  validity: string;
  ignore: string;
  copyLink: string;
  sentBy: string;
}

export function PasswordResetMail(view: PasswordResetMailView) {
  return (
    <MailLayout locale={view.locale} replySeparator={null} footer={<Text style={small}>{view.sentBy}</Text>}>
      <Text style={text}>{view.greeting}</Text>
      <Text style={text}>{view.explanation}</Text>
      <MailButton href={view.action.href}>{view.action.label}</MailButton>
      <Text style={{ ...text, margin: "16px 0" }}>{view.validity}</Text>
      <Text style={text}>{view.ignore}</Text>
      <Text style={{ ...small, margin: 0 }}>
        {view.copyLink}
        <br />
        <Link href={view.action.href} style={{ ...link, wordBreak: "break-all" }}>
          {view.action.href}
        </Link>
      </Text>
    </MailLayout>
  );
}
