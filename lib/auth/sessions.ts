// Database sessions for people: a random token in an httpOnly cookie, its keyed
// hash in the `sessions` table, an expiry, and the workspace the person has
// active. Resolves a session token to the principal that acts in that workspace.
import { db, Prisma } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { isRole } from "./roles";
import type { MemberPrincipal } from "./principal";
import { hashToken, newToken } from "./tokens";

const DAY = 86_400_000;

export async function createSession(input: { userId: string; activeWorkspaceId: string | null; ip?: string | null; userAgent?: string | null }) {
  const token = newToken();
  const expiresAt = new Date(Date.now() + env().SESSION_DAYS * DAY);
  const session = await db().session.create({
    data: {
      tokenHash: hashToken(token),
      userId: input.userId,
      activeWorkspaceId: input.activeWorkspaceId,
      ip: input.ip ?? null,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
      expiresAt,
    },
    select: { id: true },
  });
  return { sessionId: session.id, token, expiresAt };
}

/** Ends every session of a person (their password changed): every browser must sign in again. */
export async function endAllSessions(userId: string, tx: Prisma.TransactionClient = db()): Promise<number> {
  return (await tx.session.deleteMany({ where: { userId } })).count;
}

/** Ends the session the token belongs to (sign-out); unknown tokens are ignored. */
export async function endSession(token: string): Promise<void> {
  await db().session.deleteMany({ where: { tokenHash: hashToken(token) } });
}

export type SignedInPerson = { sessionId: string; userId: string; email: string; name: string | null; activeWorkspaceId: string | null };

/** The person a session token belongs to, or null when unknown or expired. */
export async function findSession(token: string | null): Promise<SignedInPerson | null> {
  if (!token) return null;
  const session = await db().session.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, expiresAt: true, activeWorkspaceId: true, user: { select: { id: true, email: true, name: true } } },
  });
  if (!session || session.expiresAt.getTime() <= Date.now()) return null;
  return { sessionId: session.id, userId: session.user.id, email: session.user.email, name: session.user.name, activeWorkspaceId: session.activeWorkspaceId };
}

/**
 * The principal for a signed-in person in their active workspace. When the
 * active workspace is unset or the person left it, the oldest membership
 * becomes active. 401 when signed out; 403 when they belong to no workspace.
 */
export async function resolveMember(token: string | null): Promise<MemberPrincipal> {
  const person = await findSession(token);
  if (!person) throw new AppError("unauthorized", "Sign in, or send a workspace API key as `Authorization: Bearer <key>`.");
  const memberships = await db().membership.findMany({
    where: { userId: person.userId },
    orderBy: { createdAt: "asc" },
    select: { workspaceId: true, role: true },
  });
  const active = memberships.find((m) => m.workspaceId === person.activeWorkspaceId) ?? memberships[0];
  if (!active || !isRole(active.role)) throw new AppError("forbidden", "You are not a member of any workspace yet. Ask an admin to add you.");
  if (active.workspaceId !== person.activeWorkspaceId) {
    await db().session.update({ where: { id: person.sessionId }, data: { activeWorkspaceId: active.workspaceId } });
  }
  return { kind: "member", workspaceId: active.workspaceId, userId: person.userId, sessionId: person.sessionId, role: active.role, label: person.email };
}

/** Makes another of the person's workspaces active on this session; 404 when they are not a member. */
export async function switchActiveWorkspace(person: { sessionId: string; userId: string }, workspaceId: string): Promise<void> {
  const membership = await db().membership.findUnique({ where: { workspaceId_userId: { workspaceId, userId: person.userId } }, select: { id: true } });
  if (!membership) throw new AppError("not_found", "Workspace not found");
  await db().session.update({ where: { id: person.sessionId }, data: { activeWorkspaceId: workspaceId } });
}

/** Removes expired sessions; called on sign-in so the table does not grow without bound. */
export async function deleteExpiredSessions(): Promise<void> {
  await db().session.deleteMany({ where: { expiresAt: { lt: new Date() } } });
}
