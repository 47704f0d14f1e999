import { DEMO_PASSWORD, DEMO_USERS } from "../../prisma/seed/demo-data";

export { DEMO_PASSWORD };

/** The demo accounts `npm start` suggests signing in with, one customer and one agent. */
export const SUGGESTED_DEMO_ACCOUNTS = [
  { email: DEMO_USERS.alice.email, who: "a customer at Acme Corporation" },
  { email: DEMO_USERS.agent.email, who: "a support agent" },
] as const;
