import Link from "next/link";

/** "Chat with support": a new topic, or (with a request) about that request. */
export function ChatWithSupportLink({ requestId, label }: { requestId?: number; label: string }) {
  return (
    <Link
      href={requestId === undefined ? "/requests/chat" : `/requests/chat?request=${requestId}`}
      className="rounded-md border border-indigo-600 bg-white px-4 py-2 text-sm font-medium text-indigo-700 hover:bg-indigo-50 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
    >
      {label}
    </Link>
  );
}
