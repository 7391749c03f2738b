// Who is acting, for one workspace: a machine's API key or a signed-in person
// (with their role in the workspace active on their session).
import type { ApiKeyPrincipal } from "./api-keys";
import type { Role } from "./roles";

export type MemberPrincipal = {
  kind: "member";
  workspaceId: string;
  userId: string;
  sessionId: string;
  role: Role;
  /** For audit rows: the person's email. */
  label: string;
};

export type Principal = ApiKeyPrincipal | MemberPrincipal;

/** The AuditEvent actor columns for a principal. */
export function auditActor(principal: Principal): { actorType: "user" | "api_key"; actorId: string; actorLabel: string } {
  return principal.kind === "member"
    ? { actorType: "user", actorId: principal.userId, actorLabel: principal.label }
    : { actorType: "api_key", actorId: principal.apiKeyId, actorLabel: principal.label };
}
