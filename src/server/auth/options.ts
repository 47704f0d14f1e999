import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { readServerConfig, type ServerConfig } from "@/config/env";
import { getDatabase } from "@/server/db";
import { authenticateWithOidc, authenticateWithPassword } from "@/server/people/authenticate";

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
    session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
    pages: { signIn: "/signin", error: "/signin" },
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "Email and password",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        authorize: (credentials) => authenticateWithPassword(getDatabase(), credentials),
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
      // The token carries Portico's user id only; roles and grants are read fresh on every request.
      jwt({ token, user, account }) {
        if (account?.provider === OIDC_PROVIDER_ID && typeof account.portico_user_id === "string") {
          token.sub = account.portico_user_id;
        } else if (user) {
          token.sub = user.id;
        }
        return token;
      },
      session({ session, token }) {
        return { ...session, userId: token.sub };
      },
    },
  };
  return cached;
}

export function isOidcEnabled(): boolean {
  return readServerConfig().oidc !== undefined;
}
