/**
 * Local ESLint plugin: every server action and route handler under src/app goes through one of the
 * entry-point wrappers in src/server/entry/, so that none can run without resolving the signed-in viewer.
 *
 * Wrappers are recognised by name, called directly (`viewerAction(...)`) or through a namespace import
 * (`entry.viewerAction(...)`); the rule does not follow where the name was imported from.
 */

const ACTION_WRAPPERS = ["viewerAction", "agentAction", "viewerPost", "agentPost", "visitorPost"];
const ROUTE_WRAPPERS = ["withViewer", "withAgent", "withVisitor", "withMachine", "withApi", "withPublic"];
const HTTP_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

/**
 * Whether a directive prologue (the leading string statements of a module or function body) holds "use server".
 * @param {import("estree").Node[]} statements
 */
function hasUseServer(statements) {
  for (const statement of statements) {
    // Only statements inside the prologue carry `directive`; the first other statement ends it.
    if (statement.type !== "ExpressionStatement" || !("directive" in statement)) return false;
    if (statement.directive === "use server") return true;
  }
  return false;
}

/**
 * Whether `init` is a call of one of `wrappers`.
 * @param {import("estree").Node | null | undefined} init
 * @param {string[]} wrappers
 */
function isWrappedBy(init, wrappers) {
  if (init?.type !== "CallExpression") return false;
  const { callee } = init;
  const name = callee.type === "MemberExpression" && !callee.computed ? callee.property : callee;
  return name.type === "Identifier" && wrappers.includes(name.name);
}

/** @type {import("eslint").Rule.RuleModule} */
const rule = {
  meta: {
    type: "problem",
    docs: { description: "Require server actions and route handlers under src/app to go through an entry-point wrapper." },
    schema: [],
    messages: {
      action: `A server action must be created by one of ${ACTION_WRAPPERS.join(", ")} (src/server/entry/actions.ts), so that it cannot run without resolving the viewer: a "use server" file only exports \`export const name = viewerAction(useCase, { ... })\` (and types).`,
      inline:
        'Inline server actions bypass the entry-point wrappers: move this function to a "use server" file and export it as `export const name = viewerAction(useCase, { ... })` (src/server/entry/actions.ts).',
      route:
        "A route handler must be wrapped by withViewer, withAgent, withVisitor, withMachine, withApi or withPublic (src/server/entry/routes.ts), so that it cannot run without resolving the viewer: write `export const {{method}} = withViewer(handler)`.",
      routeReexport:
        "`export *` in a route file could re-export an unwrapped handler: export each method as `export const GET = withViewer(handler)` (or withAgent, withVisitor, withMachine from src/server/entry/routes.ts).",
    },
  },
  create(context) {
    const filename = context.filename.replaceAll("\\", "/");
    if (!filename.includes("/src/app/")) return {};
    // Next.js treats route.js/jsx/ts/tsx alike (default pageExtensions).
    const isRoute = /\/route\.[jt]sx?$/.test(filename);
    let isServerModule = false;

    /** @param {import("estree").Node} node @param {string} method */
    const reportRoute = (node, method) => context.report({ node, messageId: "route", data: { method } });

    /** @param {import("estree").Function} fn */
    function checkInline(fn) {
      if (fn.body.type === "BlockStatement" && hasUseServer(fn.body.body)) context.report({ node: fn, messageId: "inline" });
    }

    /**
     * `export const/let/var …`, `export function …`, `export class …`, `export enum …`: a value declared in place.
     * @param {import("estree").Declaration} declaration
     */
    function checkDeclaration(declaration) {
      if (declaration.type !== "VariableDeclaration") {
        if (isServerModule) context.report({ node: declaration, messageId: "action" });
        const name = "id" in declaration && declaration.id?.type === "Identifier" ? declaration.id.name : "";
        if (isRoute && HTTP_METHODS.has(name)) reportRoute(declaration, name);
        return;
      }
      for (const declarator of declaration.declarations) {
        // `let`/`var` could be reassigned to an unwrapped function after the check.
        const wrappedBy = (/** @type {string[]} */ wrappers) =>
          declaration.kind === "const" && declarator.id.type === "Identifier" && isWrappedBy(declarator.init, wrappers);
        if (isServerModule && !wrappedBy(ACTION_WRAPPERS)) context.report({ node: declarator, messageId: "action" });
        if (!isRoute) continue;
        // Covers destructuring too: `export const { GET } = handlers` declares GET without a wrapper call.
        const method = context.sourceCode.getDeclaredVariables(declarator).find((variable) => HTTP_METHODS.has(variable.name));
        if (method && !wrappedBy(ROUTE_WRAPPERS)) reportRoute(declarator, method.name);
      }
    }

    return {
      Program(program) {
        isServerModule = hasUseServer(program.body);
      },
      FunctionDeclaration: checkInline,
      FunctionExpression: checkInline,
      ArrowFunctionExpression: checkInline,
      ExportDefaultDeclaration(node) {
        if (isServerModule) context.report({ node, messageId: "action" });
      },
      ExportAllDeclaration(node) {
        // `exportKind` is set by the TypeScript parser; type-only exports have no runtime value.
        if (/** @type {any} */ (node).exportKind === "type") return;
        if (isServerModule) context.report({ node, messageId: "action" });
        else if (isRoute) context.report({ node, messageId: "routeReexport" });
      },
      ExportNamedDeclaration(node) {
        if (/** @type {any} */ (node).exportKind === "type") return;
        if (node.declaration) return checkDeclaration(node.declaration);
        // `export { a }`, `export { handler as GET }`, `export { x } from "…"`: the wrapper call is out of sight.
        const specifiers = node.specifiers.filter((specifier) => /** @type {any} */ (specifier).exportKind !== "type");
        if (isServerModule && specifiers.length > 0) context.report({ node, messageId: "action" });
        if (!isRoute) return;
        for (const { exported } of specifiers) {
          const name = exported.type === "Identifier" ? exported.name : String(exported.value);
          if (HTTP_METHODS.has(name)) reportRoute(exported, name);
        }
      },
    };
  },
};

const plugin = { meta: { name: "portico" }, rules: { "wrapped-entry-points": rule } };
export default plugin;
