// Access control for dashboard pages (server components): who is signed in, in
// which workspace, with which role. Signed out -> redirect to /sign-in; too low
// a role (or no workspace at all) -> the 403 page (app/forbidden.tsx).
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { AppError } from "@/lib/errors";
import { workspacesOf } from "@/lib/workspaces/members";
import { workspaceSummary, type WorkspaceSummary } from "@/lib/workspaces/summary";
import { readSessionToken } from "./cookies";
import type { MemberPrincipal } from "./principal";
import { hasRole, type Role } from "./roles";
import { findSession, resolveMember, type SignedInPerson } from "./sessions";

export type MemberContext = {
  principal: MemberPrincipal;
  email: string;
  workspace: WorkspaceSummary;
  /** Every workspace the person belongs to, for the switcher. */
  workspaces: { id: string; name: string; role: Role }[];
};

type Lookup = { state: "signed_out" } | { state: "no_workspace" } | { state: "member"; member: MemberContext };

// Once per request, however many layouts and pages ask.
const lookupMember = cache(async (): Promise<Lookup> => {
  const token = readSessionToken(await headers());
  const person = await findSession(token);
  if (!person) return { state: "signed_out" };
  let principal: MemberPrincipal;
  try {
    principal = await resolveMember(token);
  } catch (error) {
    if (error instanceof AppError && error.code === "forbidden") return { state: "no_workspace" };
    throw error;
  }
  const [workspace, workspaces] = await Promise.all([workspaceSummary(principal.workspaceId), workspacesOf(person.userId)]);
  if (!workspace) return { state: "no_workspace" };
  return { state: "member", member: { principal, email: person.email, workspace, workspaces } };
});

/** The signed-in person (whatever their workspaces), or null when signed out. */
export async function currentPerson(): Promise<SignedInPerson | null> {
  return findSession(readSessionToken(await headers()));
}

/** The signed-in member, or null when signed out (for pages that also serve signed-out people). */
export async function currentMember(): Promise<MemberContext | null> {
  const lookup = await lookupMember();
  return lookup.state === "member" ? lookup.member : null;
}

/** The signed-in member with at least `role` in their active workspace. */
export async function requireMember(options: { role?: Role } = {}): Promise<MemberContext> {
  const lookup = await lookupMember();
  if (lookup.state === "signed_out") redirect("/sign-in");
  if (lookup.state === "no_workspace") forbidden();
  if (options.role && !hasRole(lookup.member.principal.role, options.role)) forbidden();
  return lookup.member;
}
