import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { readServerConfig, readSessionConfig, type ServerConfig } from "@/config/env";
import { throttledSignInError } from "@/schemas/sign-in-limits";
import { getClock } from "@/server/clock";
import { getDatabase } from "@/server/db";
import { authenticateWithOidc, authenticateWithPassword } from "@/server/people/authenticate";
import { recordAudit } from "@/server/security/audit";
import { requestClient } from "@/server/security/request-client";
import { endSession, startSession } from "@/server/security/sessions";

interface OidcProfile {
  sub: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
}

export const OIDC_PROVIDER_ID = "oidc";

function oidcProvider(oidc: NonNullable<ServerConfig["oidc"]>): OAuthConfig<OidcProfile> {
  return {
    id: OIDC_PROVIDER_ID,
    name: oidc.displayName,
    type: "oauth",
    wellKnown: `${oidc.issuer.replace(/\/$/, "")}/.well-known/openid-configuration`,
    clientId: oidc.clientId,
    clientSecret: oidc.clientSecret,
    authorization: { params: { scope: "openid email profile" } },
    idToken: true,
    checks: ["pkce", "state"],
    profile: (profile) => ({ id: profile.sub, email: profile.email, name: profile.name ?? profile.email }),
  };
}

let cached: NextAuthOptions | undefined;

/** Built on first use: configuration is read when a request arrives, not when `next build` loads the module. */
export function getAuthOptions(): NextAuthOptions {
  if (cached) return cached;
  const config = readServerConfig();
  cached = {
    secret: config.authSecret,
    // What next-auth would choose by itself from NEXTAUTH_URL, stated so that session.ts reads the same cookie.
    useSecureCookies: config.secureCookies,
    // The cookie lives as long as a session may; whether the session is still live is decided on the
    // server on every request (src/server/security/sessions.ts).
    session: { strategy: "jwt", maxAge: Math.ceil(readSessionConfig().maxAgeMs / 1000) },
    pages: { signIn: "/signin", error: "/signin" },
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "Email and password",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(credentials) {
          const attempt = await authenticateWithPassword(getDatabase(), credentials, { client: await requestClient(), now: getClock().now() });
          if (attempt.ok) return attempt.value;
          // The sign-in form reads this as "wait", with the number of seconds; a wrong password is null.
          if (attempt.reason === "throttled") throw new Error(throttledSignInError((attempt.retryAt.getTime() - getClock().now().getTime()) / 1000));
          return null;
        },
      }),
      ...(config.oidc ? [oidcProvider(config.oidc)] : []),
    ],
    callbacks: {
      async signIn({ account, profile }) {
        if (account?.provider !== OIDC_PROVIDER_ID) return true;
        const oidcProfile = profile as OidcProfile | undefined;
        if (!oidcProfile?.sub) return false;
        const user = await authenticateWithOidc(getDatabase(), {
          subject: oidcProfile.sub,
          email: oidcProfile.email,
          emailVerified: oidcProfile.email_verified === true,
        });
        if (!user) return false;
        account.portico_user_id = user.id;
        return true;
      },
      // The token carries Portico's user id and the session's id only; whether the session is live,
      // and the person's roles and grants, are read fresh on every request.
      async jwt({ token, user, account }) {
        const signedIn = account?.provider === OIDC_PROVIDER_ID && typeof account.portico_user_id === "string" ? account.portico_user_id : user?.id;
        if (signedIn) {
          const db = getDatabase();
          const [client, now] = [await requestClient(), getClock().now()];
          token.sub = signedIn;
          token.sid = await startSession(db, signedIn, client, now);
          await recordAudit(db, { type: "signed_in", actorId: signedIn, subjectId: signedIn, client, detail: { method: account?.provider ?? "credentials" } }, now);
        }
        return token;
      },
      session({ session, token }) {
        return { ...session, userId: token.sub, sessionId: typeof token.sid === "string" ? token.sid : undefined };
      },
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.sid !== "string" || typeof token.sub !== "string") return;
        const db = getDatabase();
        const [client, now] = [await requestClient(), getClock().now()];
        if (await endSession(db, token.sid, "signed_out", now, token.sub)) {
          await recordAudit(db, { type: "signed_out", actorId: token.sub, subjectId: token.sub, client }, now);
        }
      },
    },
  };
  return cached;
}

export function isOidcEnabled(): boolean {
  return readServerConfig().oidc !== undefined;
}
