import "server-only";
import { headers } from "next/headers";
import { readSessionConfig, type SessionConfig } from "@/config/env";
import { clientFrom, type Client } from "./client";

/** The client of the request being served (a page, an action, a route handler). */
export async function requestClient(config: Pick<SessionConfig, "trustedProxies"> = readSessionConfig()): Promise<Client> {
  return clientFrom(await headers(), config.trustedProxies);
}
