// The wrapper every API route handler uses: resolves who is calling and for
// which workspace, checks their role, runs the handler, and turns errors into
// problem+json.
//
// A caller is EITHER a machine with `Authorization: Bearer <workspace API key>`
// OR a signed-in person (session cookie), acting in the workspace active on
// their session with their role there. Cookie-authenticated state-changing
// requests must come from our own pages (Origin check, lib/auth/origin.ts) and
// name the workspace their page was rendered for (X-Workspace-Id): a stale tab
// whose session has since switched workspace gets 409 instead of acting in the
// other workspace.
import { authenticateApiKey } from "@/lib/auth/api-keys";
import { readSessionToken } from "@/lib/auth/cookies";
import { assertSameOriginMutation, isStateChanging } from "@/lib/auth/origin";
import type { Principal } from "@/lib/auth/principal";
import { hasRole, type Role } from "@/lib/auth/roles";
import { findSession, resolveMember, type SignedInPerson } from "@/lib/auth/sessions";
import { AppError } from "@/lib/errors";
import { setRequestWorkspace, withRequestContext } from "@/lib/observability/request-context";
import { problemFromError } from "./problem";
import { WORKSPACE_HEADER } from "./workspace-header";

export type { Principal, MemberPrincipal } from "@/lib/auth/principal";

type RouteContext<P> = { params: Promise<P> };

export type WorkspaceRouteOptions = {
  /** The lowest role a person needs; lower roles get 403. */
  role?: Role;
  /**
   * Who may call: "any" (people and API keys), "people" or "api_keys".
   * Default: "any", or "people" when a role is required (keys hold no role).
   */
  callers?: "any" | "people" | "api_keys";
};

/** The principal behind a request: its API key, else its session. 401 when neither. */
export async function authenticateRequest(request: Request): Promise<Principal> {
  const authorization = request.headers.get("authorization");
  if (authorization) return authenticateApiKey(authorization);
  const token = readSessionToken(request.headers.get("cookie"));
  if (!token) throw new AppError("unauthorized", "Sign in, or send a workspace API key as `Authorization: Bearer <key>`.");
  assertSameOriginMutation(request);
  return resolveMember(token);
}

/**
 * A person's request acts in the workspace its page was rendered for, or not at
 * all: 409 when X-Workspace-Id names another workspace than the session's
 * active one, 400 when a state-changing request does not say. API keys have one
 * workspace and are not asked.
 */
export function assertPageWorkspace(request: Request, principal: Principal): void {
  if (principal.kind !== "member") return;
  const claimed = request.headers.get(WORKSPACE_HEADER);
  if (claimed === null) {
    if (isStateChanging(request.method)) {
      throw new AppError("bad_request", `Send the workspace this page shows in the ${WORKSPACE_HEADER} header.`, { code: "workspace_required" });
    }
    return;
  }
  if (claimed !== principal.workspaceId) {
    throw new AppError("conflict", "You switched to another workspace since this page was opened. Reload the page to work in the workspace now active.", {
      code: "workspace_mismatch",
    });
  }
}

export function authorize(principal: Principal, options: WorkspaceRouteOptions): void {
  const callers = options.callers ?? (options.role ? "people" : "any");
  if (principal.kind === "api_key" && callers === "people") {
    throw new AppError("forbidden", "This route is for signed-in people; an API key cannot use it.");
  }
  if (principal.kind === "member" && callers === "api_keys") {
    throw new AppError("forbidden", "This route is for API keys.");
  }
  if (options.role && principal.kind === "member" && !hasRole(principal.role, options.role)) {
    throw new AppError("forbidden", `This needs the ${options.role} role or higher in the workspace; you are ${principal.role}.`);
  }
}

export function withWorkspace<P = Record<string, never>>(
  handler: (request: Request, context: { principal: Principal; params: P }) => Promise<Response>,
  options: WorkspaceRouteOptions = {},
) {
  return (request: Request, context: RouteContext<P>): Promise<Response> =>
    withRequestContext(request, async () => {
      try {
        const principal = await authenticateRequest(request);
        setRequestWorkspace(principal.workspaceId);
        assertPageWorkspace(request, principal);
        authorize(principal, options);
        return await handler(request, { principal, params: await context.params });
      } catch (error) {
        return problemFromError(error);
      }
    });
}

/** For a signed-in person's own routes that span workspaces (listing and switching them). */
export function withSignedIn<P = Record<string, never>>(
  handler: (request: Request, context: { person: SignedInPerson; params: P }) => Promise<Response>,
) {
  return (request: Request, context: RouteContext<P>): Promise<Response> =>
    withRequestContext(request, async () => {
      try {
        const person = await findSession(readSessionToken(request.headers.get("cookie")));
        if (!person) throw new AppError("unauthorized", "Sign in first.");
        assertSameOriginMutation(request);
        return await handler(request, { person, params: await context.params });
      } catch (error) {
        return problemFromError(error);
      }
    });
}

/** For routes with their own authentication (webhooks, health, metrics). */
export function withErrors<P = Record<string, never>>(handler: (request: Request, context: { params: P }) => Promise<Response>) {
  return (request: Request, context: RouteContext<P>): Promise<Response> =>
    withRequestContext(request, async () => {
      try {
        return await handler(request, { params: await context.params });
      } catch (error) {
        return problemFromError(error);
      }
    });
}
