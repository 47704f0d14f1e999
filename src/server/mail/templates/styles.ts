import type { CSSProperties } from "react";

// The mails' look, as inline styles (mail clients drop style sheets): the portal's colours, system
// fonts only — no web font or remote image is ever loaded — and one column at most 600px wide.

export const colors = {
  text: "#1e293b",
  muted: "#64748b",
  link: "#4338ca",
  button: "#4338ca",
  border: "#e2e8f0",
  page: "#f8fafc",
  card: "#ffffff",
  codeBackground: "#f1f5f9",
} as const;

export const fontSans =
  '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Apple SD Gothic Neo", "Malgun Gothic", "Noto Sans KR", sans-serif';
export const fontMono = 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace';

export const text: CSSProperties = { margin: "0 0 16px", fontSize: "15px", lineHeight: "24px", color: colors.text };
export const small: CSSProperties = { margin: "0 0 8px", fontSize: "13px", lineHeight: "20px", color: colors.muted };
export const link: CSSProperties = { color: colors.link, textDecoration: "underline" };
