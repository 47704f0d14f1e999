// Why an incoming mail is held, automatic or unreadable, in words: the codes the inbound code writes
// (docs/email.md) translated; a code this page does not know yet is shown as it is, with its detail.

interface Translator {
  (key: string, values?: Record<string, string | number>): string;
  has(key: string): boolean;
}

export function mailReason(t: unknown, mail: { status: string; reason: string | null; detail: string | null }): string | null {
  const translate = t as Translator;
  if (mail.status === "unparseable") return translate("agentMail.incoming.unparseable", { detail: mail.detail ?? mail.reason ?? "?" });
  if (!mail.reason) return mail.detail;
  const key = `agentMail.incoming.reasons.${mail.reason}`;
  const reason = translate.has(key) ? translate(key) : mail.reason;
  return mail.detail ? `${reason} (${mail.detail})` : reason;
}
