// The wrapper every API route handler uses: resolves who is calling and for
// which workspace, runs the handler, and turns errors into problem+json.
import { authenticateApiKey, type ApiKeyPrincipal } from "@/lib/auth/api-keys";
import { problemFromError } from "./problem";

/** Who is acting, for one workspace. Sessions (people) join API keys in the auth work. */
export type Principal = ApiKeyPrincipal;

type RouteContext<P> = { params: Promise<P> };

export function withWorkspace<P = Record<string, never>>(
  handler: (request: Request, context: { principal: Principal; params: P }) => Promise<Response>,
) {
  return async (request: Request, context: RouteContext<P>): Promise<Response> => {
    try {
      const principal = await authenticateApiKey(request.headers.get("authorization"));
      return await handler(request, { principal, params: await context.params });
    } catch (error) {
      return problemFromError(error);
    }
  };
}

/** For routes with their own authentication (webhooks). */
export function withErrors<P = Record<string, never>>(handler: (request: Request, context: { params: P }) => Promise<Response>) {
  return async (request: Request, context: RouteContext<P>): Promise<Response> => {
    try {
      return await handler(request, { params: await context.params });
    } catch (error) {
      return problemFromError(error);
    }
  };
}
