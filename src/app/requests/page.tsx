import type { Metadata } from "next";
import { requireUser } from "@/server/auth/current-user";

export const metadata: Metadata = { title: "My Requests" };

// Placeholder until the My Requests list lands; it already demands a signed-in user.
export default async function MyRequestsPage() {
  const user = await requireUser("/requests");
  return (
    <section aria-labelledby="my-requests-heading">
      <h1 id="my-requests-heading" className="text-2xl font-semibold">
        My Requests
      </h1>
      <p className="mt-2 text-slate-700">Signed in as {user.email}. Your support requests will be listed here.</p>
    </section>
  );
}
