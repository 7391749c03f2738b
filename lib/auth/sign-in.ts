// Signing in with email and password: the attempt is counted against the
// sign-in limits first (lib/auth/sign-in-limits.ts), the password is checked
// outside any transaction (Argon2 is slow and its concurrency bounded,
// lib/auth/passwords.ts), one generic answer covers a wrong email or password,
// a fresh session is made on success, and both outcomes are audited.
import { recordAuditEvents } from "@/lib/audit/record";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { decoyPasswordHash, verifyPassword } from "./passwords";
import { createSession, deleteExpiredSessions } from "./sessions";
import { attemptSucceeded, beginAttempt } from "./sign-in-limits";

export { SIGN_IN_WINDOW_MINUTES } from "./sign-in-limits";

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

export type SignInRequest = {
  email: string;
  password: string;
  ip: string;
  userAgent?: string | null;
  /** The device id of a browser that signed in to this email before (lib/auth/devices.ts). */
  deviceId?: string | null;
};

export async function signIn(request: SignInRequest): Promise<{ token: string; expiresAt: Date; userId: string; email: string }> {
  const email = normalizeEmail(request.email);
  const attempt = { email, ip: request.ip.slice(0, 100), deviceId: request.deviceId ?? null };
  const attemptId = await beginAttempt(attempt);

  const user = await db().user.findUnique({
    where: { email },
    select: { id: true, email: true, passwordHash: true, memberships: { orderBy: { createdAt: "asc" }, select: { workspaceId: true } } },
  });
  const valid = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), request.password);
  const workspaceIds = user?.memberships.map((m) => m.workspaceId) ?? [];
  const actor = { actorType: "user" as const, actorId: user?.id ?? null, actorLabel: email };
  if (!user || !valid) {
    // Each workspace the person belongs to sees the failed attempt on their account.
    await recordAuditEvents(workspaceIds.map((workspaceId) => ({ workspaceId, ...actor, action: "auth.sign_in_failed", targetType: "user", targetId: user?.id, after: { ip: attempt.ip } })));
    throw new AppError("unauthorized", "The email or password is wrong.");
  }

  await attemptSucceeded(attemptId, attempt);
  const activeWorkspaceId = workspaceIds[0] ?? null;
  if (activeWorkspaceId) {
    await recordAuditEvents([{ workspaceId: activeWorkspaceId, ...actor, action: "auth.signed_in", targetType: "user", targetId: user.id, after: { ip: attempt.ip } }]);
  }
  await deleteExpiredSessions();
  const session = await createSession({ userId: user.id, activeWorkspaceId, ip: attempt.ip, userAgent: request.userAgent });
  return { token: session.token, expiresAt: session.expiresAt, userId: user.id, email };
}
