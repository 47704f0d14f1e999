import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { getAuthOptions } from "@/server/auth/options";
import { withVisitor } from "@/server/entry/routes";

type RouteContext = { params: Promise<{ nextauth: string[] }> };

// Signing in and out: open to visitors by nature.
async function handleAuth(request: Request, _viewer: unknown, context: RouteContext): Promise<Response> {
  return NextAuth(request as NextRequest, { params: await context.params }, getAuthOptions());
}

export const GET = withVisitor<RouteContext>(handleAuth);
export const POST = withVisitor<RouteContext>(handleAuth);
