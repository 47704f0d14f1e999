export const DEMO_PASSWORD = "portico-demo";

export const DEMO_ACCOUNTS = [
  "agent@portico.test",
  "alice@acme.test",
  "bob@acme.test",
  "carol@acme.test",
  "dave@acme.test",
  "erin@acme.test",
  "gina@globex.test",
] as const;
