// Signing in with email and password: a limit on failed attempts (stored in the
// database), one generic answer for a wrong email or password, a fresh session
// on success, and audit rows for both outcomes.
import { lockForTransaction } from "@/lib/db/locks";
import { db, Prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { recordAuditEvents } from "@/lib/audit/record";
import { decoyPasswordHash, verifyPassword } from "./passwords";
import { createSession, deleteExpiredSessions } from "./sessions";

export const SIGN_IN_WINDOW_MINUTES = 15;
/** Failures allowed per email and IP in the window. */
export const MAX_FAILURES_PER_EMAIL_AND_IP = 5;
/** Failures allowed per email from all IPs (client-sent IPs cannot be trusted, so this bounds guessing too). */
export const MAX_FAILURES_PER_EMAIL = 20;

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

export type SignInRequest = { email: string; password: string; ip: string; userAgent?: string | null };

export async function signIn(request: SignInRequest): Promise<{ token: string; expiresAt: Date; userId: string }> {
  const email = normalizeEmail(request.email);
  const ip = request.ip.slice(0, 100);
  const since = new Date(Date.now() - SIGN_IN_WINDOW_MINUTES * 60_000);

  const outcome = await db().$transaction(
    async (tx) => {
      // One attempt at a time per email, so parallel guesses cannot all pass the count.
      await lockForTransaction(tx, `leadbridge:sign-in:${email}`);
      const [fromThisIp, fromAll] = await Promise.all([
        tx.signInFailure.count({ where: { emailNormalized: email, ip, attemptedAt: { gte: since } } }),
        tx.signInFailure.count({ where: { emailNormalized: email, attemptedAt: { gte: since } } }),
      ]);
      if (fromThisIp >= MAX_FAILURES_PER_EMAIL_AND_IP || fromAll >= MAX_FAILURES_PER_EMAIL) {
        throw new AppError("rate_limited", `Too many failed sign-ins. Try again in ${SIGN_IN_WINDOW_MINUTES} minutes.`, { retryAfterSeconds: SIGN_IN_WINDOW_MINUTES * 60 });
      }
      const user = await tx.user.findUnique({
        where: { email },
        select: { id: true, email: true, passwordHash: true, memberships: { orderBy: { createdAt: "asc" }, select: { workspaceId: true } } },
      });
      const valid = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), request.password);
      const workspaceIds = user?.memberships.map((m) => m.workspaceId) ?? [];
      const actor = { actorType: "user" as const, actorId: user?.id ?? null, actorLabel: email };
      if (!user || !valid) {
        await tx.signInFailure.create({ data: { emailNormalized: email, ip } });
        // Each workspace the person belongs to sees the failed attempt on their account.
        await recordAuditEvents(
          workspaceIds.map((workspaceId) => ({ workspaceId, ...actor, action: "auth.sign_in_failed", targetType: "user", targetId: user?.id, after: { ip } })),
          tx,
        );
        return { ok: false as const };
      }
      await tx.signInFailure.deleteMany({ where: { emailNormalized: email, ip } });
      const activeWorkspaceId = workspaceIds[0] ?? null;
      if (activeWorkspaceId) {
        await recordAuditEvents([{ workspaceId: activeWorkspaceId, ...actor, action: "auth.signed_in", targetType: "user", targetId: user.id, after: { ip } }], tx);
      }
      return { ok: true as const, userId: user.id, activeWorkspaceId };
    },
    { isolationLevel: Prisma.TransactionIsolationLevel.ReadCommitted, timeout: 15_000 },
  );
  // Outside the transaction so the failure row above is committed, not rolled back.
  if (!outcome.ok) throw new AppError("unauthorized", "The email or password is wrong.");

  await deleteExpiredSessions();
  const session = await createSession({ userId: outcome.userId, activeWorkspaceId: outcome.activeWorkspaceId, ip, userAgent: request.userAgent });
  return { token: session.token, expiresAt: session.expiresAt, userId: outcome.userId };
}

/** The client's address as the nearest proxy reports it; "unknown" when none does. */
export function clientIp(request: Request): string {
  const forwarded = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || request.headers.get("x-real-ip") || "unknown";
}
