import "server-only";
import { Fragment } from "react";
import { Section, Text } from "@react-email/components";
import { RequestMailFrame, type RequestMailFrameView } from "./request-mail";
import { colors, small, text } from "./styles";

// An ended chat, mailed to the customer who started it: every line with who wrote it and when, as
// plain text (chat lines are not Markdown), then the way to the request the chat belongs to.

export interface ChatTranscriptMailView extends RequestMailFrameView {
  lines: ReadonlyArray<{ key: string; heading: string; body: string }>;
}

export function ChatTranscriptMail({ lines, ...frame }: ChatTranscriptMailView) {
  return (
    <RequestMailFrame {...frame}>
      {lines.map((line) => (
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
    </RequestMailFrame>
  );
}
