import { readMailConfig } from "@/config/env";
import { getClock } from "@/server/clock";
import { getDatabase } from "@/server/db";
import { problem, withVisitor } from "@/server/entry/routes";
import { unsubscribe } from "@/server/mail/unsubscribe";

// The List-Unsubscribe target of every notification (RFC 8058). Mail clients POST here without any
// session ("List-Unsubscribe=One-Click"); the signed token is the credential. A GET — a person, or
// a link checker — changes nothing and goes to the page that asks first.

type Context = { params: Promise<{ token: string }> };

export const POST = withVisitor<Context>(async (_request, _viewer, { params }) => {
  const { token } = await params;
  const outcome = await unsubscribe(getDatabase(), { now: getClock().now(), tokenKeys: readMailConfig().tokenKeys }, { token });
  if (!outcome.ok) return problem(404, "not_found", "Not found.");
  return new Response("Unsubscribed: these emails will no longer be sent.\n", { status: 200, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
});

export const GET = withVisitor<Context>(async (_request, _viewer, { params }) => {
  const { token } = await params;
  return new Response(null, { status: 303, headers: { Location: `/unsubscribe/${encodeURIComponent(token)}`, "Cache-Control": "no-store" } });
});
