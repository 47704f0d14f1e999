// The workflow and access rules of Portico, in one pure module: no database, framework or
// environment. Pages, actions, route handlers and jobs call these instead of deciding themselves.
export * from "./vocabulary";
export * from "./clock";
export * from "./refusal";
export * from "./request-state";
export * from "./transitions";
export * from "./sla";
export * from "./reminders";
export * from "./visibility";
export * from "./organization-access";
export * from "./sign-in-throttle";
export * from "./sessions";
export * from "./accounts";
export * from "./notifications";
export * from "./mail-delivery";
export * from "./inbound-mail";
export * from "./chat";
export * from "./satisfaction";
export * from "./webhook-events";
