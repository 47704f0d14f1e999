import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/server/auth/current-user";
import { isOidcEnabled } from "@/server/auth/options";
import { safeCallbackPath } from "@/schemas/sign-in";
import { SignInForm } from "@/ui/sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackPath = safeCallbackPath(typeof params.callbackUrl === "string" ? params.callbackUrl : undefined);
  if (await getCurrentUser()) redirect(callbackPath);
  // next-auth sends failed single sign-on back here with ?error=…; say so without details.
  const ssoFailed = typeof params.error === "string";
  return (
    <div className="mx-auto mt-8 max-w-sm rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
      <h1 className="text-2xl font-semibold">Sign in</h1>
      <p className="mt-1 text-sm text-slate-600">Track your support requests in one place.</p>
      <SignInForm callbackPath={callbackPath} oidcEnabled={isOidcEnabled()} initialError={ssoFailed} />
    </div>
  );
}
