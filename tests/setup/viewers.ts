import type { Channel } from "@/domain";
import type { Database } from "@/server/db/client";
import { loadViewer, type SignedInViewer } from "@/server/people/viewer";

/** The viewer a signed-in demo account is, at `now`, reaching us by `channel` — as an entry point resolves it. */
export async function viewerFor(db: Database, email: string, now = new Date(), channel: Channel = "web"): Promise<SignedInViewer> {
  const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  const viewer = await loadViewer(db, user.id, { now, channel });
  if (!viewer) throw new Error(`no viewer for ${email}`);
  return viewer;
}
