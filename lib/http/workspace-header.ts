// The header every dashboard request carries to name the workspace its page was
// rendered for. A tab left open on workspace A after the person switched to B in
// another tab would otherwise act in B: withWorkspace (lib/http/route.ts)
// answers 409 when this header and the session's active workspace differ.
// Shared by the browser's API client (app/_components/api.ts) and the server.
export const WORKSPACE_HEADER = "x-workspace-id";

/** The <meta name> the dashboard layout renders with the page's workspace id. */
export const WORKSPACE_META_NAME = "leadbridge-workspace-id";
