import { readMailConfig } from "@/config/env";
import { getClock } from "@/server/clock";
import { getDatabase } from "@/server/db";
import { problem, withMachine } from "@/server/entry/routes";
import { receiveInboundMail } from "@/server/mail/inbound/receive";

// The webhook transport (docs/email.md "Receiving mail"): a mail service posts each raw MIME message
// here, with the shared secret. Enabled by INBOUND_EMAIL_SECRET; without it the route does not exist.

/** The body, read no further than `maxBytes`: null when it is longer. */
async function readLimited(request: Request, maxBytes: number): Promise<Buffer | null> {
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (declared > maxBytes) return null;
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

export const POST = withMachine(
  async (request) => {
    const config = readMailConfig();
    const raw = await readLimited(request, config.inboundMaxBytes);
    if (!raw) return problem(413, "too_large", `A message may have at most ${config.inboundMaxBytes} bytes.`);
    if (raw.length === 0) return problem(422, "empty", "The body must be the raw message.");
    const received = await receiveInboundMail(getDatabase(), raw, { transport: "webhook" }, { now: getClock().now(), config });
    return Response.json({ id: received.id, status: received.status, duplicate: received.duplicate }, { status: 202 });
  },
  { secret: () => readMailConfig().inboundSecret, secretHeader: "x-inbound-secret" },
);
