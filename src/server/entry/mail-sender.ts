import "server-only";
import type { Database } from "@/server/db/client";
import { loadViewer, type SignedInViewer } from "@/server/people/viewer";

// Who an inbound email is from: the mail transports' counterpart of findViewer (./viewer.ts). The
// sender is the account with the mail's From address, on the email channel; what it may do is then
// decided by the same gate and rules as for a signed-in person (docs/email.md "Threading").

/** The account with this address as a viewer on the email channel; null for no account or a disabled one. */
export async function findMailSender(db: Database, address: string | null, now: Date): Promise<SignedInViewer | null> {
  if (!address) return null;
  const user = await db.user.findUnique({ where: { email: address.trim().toLowerCase() }, select: { id: true, disabledAt: true } });
  if (!user || user.disabledAt) return null;
  return loadViewer(db, user.id, { now, channel: "email" });
}
