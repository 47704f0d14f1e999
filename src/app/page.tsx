import { redirect } from "next/navigation";
import { findViewer } from "@/server/entry/viewer";

// Home, and where sign-in goes when nothing asked for a page: agents work from the queue,
// customers from their requests; signed out, to sign-in (which comes back here).
export default async function HomePage() {
  const viewer = await findViewer();
  redirect(!viewer ? "/signin" : viewer.actor.isAgent ? "/agent" : "/requests");
}
