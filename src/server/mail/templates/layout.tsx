import "server-only";
import { Body, Button, Container, Head, Hr, Html, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";
import type { Locale } from "@/i18n/locales";
import { colors, fontSans, small } from "./styles";

// The frame every mail shares: one centred column on a light page, the reply separator on top when
// the mail can be answered, the content, then a footer. There is deliberately no preview text: it
// would come before the separator, and a reply quoting it would carry it above the cut.

export function MailLayout({ locale, replySeparator, children, footer }: { locale: Locale; replySeparator: string | null; children: ReactNode; footer: ReactNode }) {
  return (
    <Html lang={locale} dir="ltr">
      <Head />
      <Body style={{ margin: 0, padding: "24px 12px", backgroundColor: colors.page, fontFamily: fontSans }}>
        <Container style={{ maxWidth: "600px", width: "100%" }}>
          {replySeparator && <Text style={{ ...small, margin: "0 0 16px", color: colors.muted }}>{replySeparator}</Text>}
          <Section style={{ backgroundColor: colors.card, border: `1px solid ${colors.border}`, borderRadius: "8px", padding: "24px" }}>{children}</Section>
          <Hr style={{ border: "none", borderTop: `1px solid ${colors.border}`, margin: "24px 0 16px" }} />
          <Section>{footer}</Section>
        </Container>
      </Body>
    </Html>
  );
}

export function MailButton({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Button
      href={href}
      style={{
        display: "inline-block",
        backgroundColor: colors.button,
        color: "#ffffff",
        fontSize: "15px",
        fontWeight: 600,
        lineHeight: "20px",
        textDecoration: "none",
        borderRadius: "6px",
        padding: "10px 18px",
      }}
    >
      {children}
    </Button>
  );
}
