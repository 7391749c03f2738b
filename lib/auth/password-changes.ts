// A person's own password: changed with the current one, or reset through a
// one-time link (emailed when SMTP is configured, or printed for an operator by
// `password:reset-link`). Either way every session of the person ends (a thief
// who had one is out) and every other reset link stops working; the browser
// that made the change gets a fresh session. A reset request answers the same
// whether or not the email has an account. Audited in each of their workspaces.
import { recordAuditEvents } from "@/lib/audit/record";
import { db, Prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { appLink, mailConfigured, sendMail } from "@/lib/mail/mailer";
import { hashPassword, verifyPassword } from "./passwords";
import { createSession, endAllSessions } from "./sessions";
import { normalizeEmail } from "./sign-in";
import { attemptSucceeded, beginAttempt } from "./sign-in-limits";
import { hashToken, isTokenShaped, newToken } from "./tokens";

export const RESET_LINK_MINUTES = 60;
/** Reset links a person may have outstanding; more requests send nothing (mail-bombing). */
const MAX_OPEN_RESETS = 3;

type Tx = Prisma.TransactionClient;
type Audited = { userId: string; email: string; action: string; ip?: string };

async function auditInWorkspaces(tx: Tx, entry: Audited): Promise<void> {
  const memberships = await tx.membership.findMany({ where: { userId: entry.userId }, select: { workspaceId: true } });
  await recordAuditEvents(
    memberships.map(({ workspaceId }) => ({ workspaceId, actorType: "user" as const, actorId: entry.userId, actorLabel: entry.email, action: entry.action, targetType: "user", targetId: entry.userId, ...(entry.ip ? { after: { ip: entry.ip } } : {}) })),
    tx,
  );
}

/** Stores the new hash, ends every session and reset link of the person. */
async function replacePassword(tx: Tx, userId: string, passwordHash: string): Promise<void> {
  await tx.user.update({ where: { id: userId }, data: { passwordHash } });
  await endAllSessions(userId, tx);
  await tx.passwordReset.deleteMany({ where: { userId } });
}

export type FreshSession = { token: string; expiresAt: Date; userId: string; email: string };

/** A signed-in person changes their password, proving the current one (counted like a sign-in attempt). */
export async function changePassword(
  person: { userId: string; email: string; activeWorkspaceId: string | null },
  input: { currentPassword: string; newPassword: string; ip: string; deviceId: string | null; userAgent?: string | null },
): Promise<FreshSession> {
  const attempt = { email: normalizeEmail(person.email), ip: input.ip, deviceId: input.deviceId };
  const attemptId = await beginAttempt(attempt);
  const user = await db().user.findUniqueOrThrow({ where: { id: person.userId }, select: { passwordHash: true } });
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError("validation_failed", "The current password is wrong.", { errors: [{ path: "currentPassword", message: "is wrong" }] });
  }
  await attemptSucceeded(attemptId, attempt);
  const passwordHash = await hashPassword(input.newPassword);
  await db().$transaction(async (tx) => {
    await replacePassword(tx, person.userId, passwordHash);
    await auditInWorkspaces(tx, { userId: person.userId, email: person.email, action: "auth.password_changed", ip: input.ip });
  });
  const session = await createSession({ userId: person.userId, activeWorkspaceId: person.activeWorkspaceId, ip: input.ip, userAgent: input.userAgent });
  return { token: session.token, expiresAt: session.expiresAt, userId: person.userId, email: person.email };
}

async function issueResetToken(userId: string): Promise<{ token: string; expiresAt: Date }> {
  const token = newToken();
  const expiresAt = new Date(Date.now() + RESET_LINK_MINUTES * 60_000);
  await db().passwordReset.create({ data: { userId, tokenHash: hashToken(token), expiresAt } });
  return { token, expiresAt };
}

export const passwordResetPath = (token: string) => `/password-reset/${token}`;

/**
 * Emails a reset link when the email has an account and SMTP is configured;
 * otherwise does nothing. Callers answer before this finishes, so neither the
 * answer nor its timing says whether the account exists.
 */
export async function requestPasswordReset(email: string): Promise<void> {
  if (!mailConfigured()) return;
  const user = await db().user.findUnique({ where: { email: normalizeEmail(email) }, select: { id: true, email: true } });
  if (!user) return;
  const open = await db().passwordReset.count({ where: { userId: user.id, usedAt: null, expiresAt: { gt: new Date() } } });
  if (open >= MAX_OPEN_RESETS) return;
  const { token, expiresAt } = await issueResetToken(user.id);
  const link = appLink(passwordResetPath(token));
  if (!link) return;
  await sendMail({
    to: user.email,
    subject: "Reset your LeadBridge password",
    text: [
      "Someone asked to reset the password of your LeadBridge account.",
      "",
      `Open this link to choose a new password (it works once, until ${expiresAt.toUTCString()}):`,
      link,
      "",
      "Setting a new password signs you out everywhere. If you did not ask for this, ignore this email: your password stays as it is.",
    ].join("\n"),
  });
}

/** For an operator (`password:reset-link`): a reset link for an account, without email. */
export async function issuePasswordResetLink(email: string): Promise<{ path: string; url: string | null; expiresAt: Date }> {
  const user = await db().user.findUnique({ where: { email: normalizeEmail(email) }, select: { id: true } });
  if (!user) throw new AppError("not_found", "No account has this email.");
  const { token, expiresAt } = await issueResetToken(user.id);
  return { path: passwordResetPath(token), url: appLink(passwordResetPath(token)), expiresAt };
}

/** Whether a reset link can still be used (for its page). */
export async function resetLinkIsValid(token: unknown): Promise<boolean> {
  if (!isTokenShaped(token)) return false;
  const row = await db().passwordReset.findUnique({ where: { tokenHash: hashToken(token) }, select: { usedAt: true, expiresAt: true } });
  return Boolean(row && !row.usedAt && row.expiresAt.getTime() > Date.now());
}

/** Sets the new password through a reset link, once; signs the browser in. 404 when the link is not valid. */
export async function completePasswordReset(token: unknown, input: { newPassword: string; ip: string; userAgent?: string | null }): Promise<FreshSession> {
  const passwordHash = await hashPassword(input.newPassword);
  const invalid = new AppError("not_found", "This reset link is not valid any more: ask for a new one.", { code: "reset_link_invalid" });
  if (!isTokenShaped(token)) throw invalid;
  const user = await db().$transaction(async (tx) => {
    const row = await tx.passwordReset.findUnique({ where: { tokenHash: hashToken(token) }, select: { id: true, user: { select: { id: true, email: true } } } });
    if (!row) throw invalid;
    const { count } = await tx.passwordReset.updateMany({ where: { id: row.id, usedAt: null, expiresAt: { gt: new Date() } }, data: { usedAt: new Date() } });
    if (count === 0) throw invalid;
    await replacePassword(tx, row.user.id, passwordHash);
    await auditInWorkspaces(tx, { userId: row.user.id, email: row.user.email, action: "auth.password_reset", ip: input.ip });
    return { ...row.user, workspaceId: (await tx.membership.findFirst({ where: { userId: row.user.id }, orderBy: { createdAt: "asc" }, select: { workspaceId: true } }))?.workspaceId ?? null };
  });
  const session = await createSession({ userId: user.id, activeWorkspaceId: user.workspaceId, ip: input.ip, userAgent: input.userAgent });
  return { token: session.token, expiresAt: session.expiresAt, userId: user.id, email: user.email };
}
