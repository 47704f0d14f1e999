import type { Prisma } from "@/generated/prisma/client";

// Mail that reached the demo's support address, so the agent console's Mail page shows the incoming
// side at once: a stranger's question held for an agent, and an out-of-office answer recorded on a
// request without reopening it. Raw sources as a mail server hands them over; fixed ids, so seeding
// twice writes them once.

const HOUR = 60 * 60 * 1000;

interface DemoInboundMail {
  id: string;
  messageId: string;
  hoursAgo: number;
  raw: string[];
  row: Omit<Prisma.InboundMailCreateManyInput, "id" | "messageId" | "raw" | "byteSize" | "receivedAt" | "transport">;
}

const MAIL: DemoInboundMail[] = [
  {
    id: "seed-inbound-held",
    messageId: "CAJ8x2kL9p@mail.initech.example",
    hoursAgo: 3,
    raw: [
      "From: Jordan Pike <jordan@initech.example>",
      "To: Portico Support <support@portico.test>",
      "Subject: Pricing for 50 seats?",
      "Date: {date}",
      "Message-ID: <CAJ8x2kL9p@mail.initech.example>",
      "MIME-Version: 1.0",
      "Content-Type: text/plain; charset=utf-8",
      "",
      "Hello,",
      "",
      "we are evaluating your product for about 50 people. Could someone send us pricing",
      "and tell us whether single sign-on is included?",
      "",
      "Thanks,",
      "Jordan Pike",
      "Initech",
    ],
    row: { fromAddress: "jordan@initech.example", fromName: "Jordan Pike", subject: "Pricing for 50 seats?", status: "held", reason: "unknown_sender" },
  },
  {
    id: "seed-inbound-auto-reply",
    messageId: "ooo-20261002@acme.test",
    hoursAgo: 26,
    raw: [
      "From: Alice Whitmore <alice@acme.test>",
      "To: Portico Support <support@portico.test>",
      "In-Reply-To: <seed-request-1019@portico.test>",
      "Subject: Automatic reply: [#1019] Scheduled report to finance-leads list bounces",
      "Date: {date}",
      "Message-ID: <ooo-20261002@acme.test>",
      "Auto-Submitted: auto-replied",
      "MIME-Version: 1.0",
      "Content-Type: text/plain; charset=utf-8",
      "",
      "I am out of the office until Monday with limited access to email.",
    ],
    row: { fromAddress: "alice@acme.test", fromName: "Alice Whitmore", subject: "Automatic reply: [#1019] Scheduled report to finance-leads list bounces", status: "automatic", reason: "auto_reply", detail: "auto_submitted:auto-replied", requestId: 1019, senderId: "seed-user-alice" },
  },
];

export function demoInboundMail(now: number): { mail: Prisma.InboundMailCreateManyInput[]; events: Prisma.RequestEventCreateManyInput[] } {
  const mail = MAIL.map((demo) => {
    const at = new Date(now - demo.hoursAgo * HOUR);
    const raw = Buffer.from(demo.raw.join("\r\n").replace("{date}", at.toUTCString()) + "\r\n");
    return { ...demo.row, id: demo.id, messageId: demo.messageId, raw, byteSize: raw.length, transport: "smtp" as const, receivedAt: at, handledAt: demo.row.status === "held" ? null : at };
  });
  const events = MAIL.filter((demo) => demo.row.status === "automatic" && typeof demo.row.requestId === "number").map((demo) => ({
    id: `seed-event-${demo.id}`,
    requestId: demo.row.requestId as number,
    actorId: null,
    type: "auto_reply_received" as const,
    data: { kind: "auto_reply", reason: demo.row.detail ?? "", from: demo.row.fromAddress ?? "", inboundMailId: demo.id },
    createdAt: new Date(now - demo.hoursAgo * HOUR),
  }));
  return { mail, events };
}
