// How a person joins a workspace. An admin invites an email with a role; the
// invitation is a pending membership until the person opens its one-time link
// and accepts it: a new person sets their own password there (no admin ever
// chooses one), a person who already has an account signs in with it first and
// then accepts (the link alone is not enough, and neither is the account
// alone). The admin gets the same answer whether or not the email has an
// account elsewhere: a link to copy, emailed when SMTP is configured. Audited.
import { recordAuditEvent } from "@/lib/audit/record";
import { hashPassword } from "@/lib/auth/passwords";
import { auditActor, type MemberPrincipal } from "@/lib/auth/principal";
import { isRole, type Role } from "@/lib/auth/roles";
import { normalizeEmail } from "@/lib/auth/sign-in";
import { hashToken, isTokenShaped, newToken } from "@/lib/auth/tokens";
import { createUser, findUserByEmail } from "@/lib/auth/users";
import { db, Prisma } from "@/lib/db/client";
import { lockForTransaction } from "@/lib/db/locks";
import { AppError } from "@/lib/errors";
import { appLink, mailConfigured, sendMail } from "@/lib/mail/mailer";

export const INVITATION_DAYS = 7;
const DAY = 86_400_000;

export type PendingInvitation = { id: string; email: string; role: Role; createdAt: Date; expiresAt: Date; expired: boolean };

/** What the admin is given: the link to copy (a path; the page adds its origin) and whether it was emailed. */
export type IssuedInvitation = { invitation: PendingInvitation; path: string; emailed: boolean };

const invitationPath = (token: string) => `/invitations/${token}`;

const pendingWhere = { acceptedAt: null, revokedAt: null } as const;
const summarySelect = { id: true, email: true, role: true, createdAt: true, expiresAt: true } as const;

function toPending(row: { id: string; email: string; role: string; createdAt: Date; expiresAt: Date }, now = Date.now()): PendingInvitation {
  return { id: row.id, email: row.email, role: isRole(row.role) ? row.role : "reviewer", createdAt: row.createdAt, expiresAt: row.expiresAt, expired: row.expiresAt.getTime() <= now };
}

async function emailInvitation(workspaceId: string, invitation: PendingInvitation, token: string): Promise<boolean> {
  const link = appLink(invitationPath(token));
  if (!mailConfigured() || !link) return false;
  const workspace = await db().workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { name: true } });
  return sendMail({
    to: invitation.email,
    subject: `You are invited to ${workspace.name} on LeadBridge`,
    text: [
      `You are invited to join ${workspace.name} on LeadBridge as ${invitation.role}.`,
      "",
      `Open this link to accept (it works once, until ${invitation.expiresAt.toUTCString()}):`,
      link,
      "",
      "New to LeadBridge? You choose your password there. Already use LeadBridge with this email? Sign in with it, then accept.",
      "If you did not expect this, ignore this email.",
    ].join("\n"),
  });
}

/** Invites an email to the actor's workspace (a new link replaces a pending invitation's old one). */
export async function inviteMember(actor: MemberPrincipal, input: { email: string; role: Role }): Promise<IssuedInvitation> {
  const email = normalizeEmail(input.email);
  const token = newToken();
  const expiresAt = new Date(Date.now() + INVITATION_DAYS * DAY);
  const row = await db().$transaction(async (tx) => {
    await lockForTransaction(tx, `leadbridge:members:${actor.workspaceId}`);
    const member = await tx.membership.findFirst({ where: { workspaceId: actor.workspaceId, user: { email } }, select: { id: true } });
    if (member) throw new AppError("conflict", "This person is already a member of the workspace.");
    const pending = await tx.invitation.findFirst({ where: { workspaceId: actor.workspaceId, email, ...pendingWhere }, select: { id: true } });
    const data = { role: input.role, tokenHash: hashToken(token), expiresAt, invitedBy: actor.userId };
    const saved = pending
      ? await tx.invitation.update({ where: { id: pending.id }, data, select: summarySelect })
      : await tx.invitation.create({ data: { workspaceId: actor.workspaceId, email, ...data }, select: summarySelect });
    await recordAuditEvent(
      { workspaceId: actor.workspaceId, ...auditActor(actor), action: "member.invited", targetType: "invitation", targetId: saved.id, after: { email, role: input.role } },
      tx,
    );
    return saved;
  });
  const invitation = toPending(row);
  return { invitation, path: invitationPath(token), emailed: await emailInvitation(actor.workspaceId, invitation, token) };
}

/** A pending invitation gets a new link (the old one stops working) and a new expiry. */
export async function renewInvitation(actor: MemberPrincipal, invitationId: string): Promise<IssuedInvitation> {
  const token = newToken();
  const row = await db().$transaction(async (tx) => {
    const found = await tx.invitation.findFirst({ where: { id: invitationId, workspaceId: actor.workspaceId, ...pendingWhere }, select: { id: true } });
    if (!found) throw new AppError("not_found", "Invitation not found");
    const saved = await tx.invitation.update({
      where: { id: found.id },
      data: { tokenHash: hashToken(token), expiresAt: new Date(Date.now() + INVITATION_DAYS * DAY) },
      select: summarySelect,
    });
    await recordAuditEvent({ workspaceId: actor.workspaceId, ...auditActor(actor), action: "member.invitation_renewed", targetType: "invitation", targetId: saved.id }, tx);
    return saved;
  });
  const invitation = toPending(row);
  return { invitation, path: invitationPath(token), emailed: await emailInvitation(actor.workspaceId, invitation, token) };
}

export async function revokeInvitation(actor: MemberPrincipal, invitationId: string): Promise<void> {
  await db().$transaction(async (tx) => {
    const { count } = await tx.invitation.updateMany({ where: { id: invitationId, workspaceId: actor.workspaceId, ...pendingWhere }, data: { revokedAt: new Date() } });
    if (count === 0) throw new AppError("not_found", "Invitation not found");
    await recordAuditEvent({ workspaceId: actor.workspaceId, ...auditActor(actor), action: "member.invitation_revoked", targetType: "invitation", targetId: invitationId }, tx);
  });
}

/** The workspace's invitations not yet accepted or revoked (expired ones say so). */
export async function listPendingInvitations(workspaceId: string): Promise<PendingInvitation[]> {
  const rows = await db().invitation.findMany({ where: { workspaceId, ...pendingWhere }, orderBy: { createdAt: "desc" }, select: summarySelect });
  return rows.map((row) => toPending(row));
}

export type InvitationView = { workspaceName: string; email: string; role: Role; expiresAt: Date; state: "pending" | "expired" | "closed" };

/** What the invitation page shows for a link; null for a link that never existed. */
export async function invitationForToken(token: unknown): Promise<InvitationView | null> {
  if (!isTokenShaped(token)) return null;
  const row = await db().invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { email: true, role: true, expiresAt: true, acceptedAt: true, revokedAt: true, workspace: { select: { name: true } } },
  });
  if (!row) return null;
  const state = row.acceptedAt || row.revokedAt ? "closed" : row.expiresAt.getTime() <= Date.now() ? "expired" : "pending";
  return { workspaceName: row.workspace.name, email: row.email, role: isRole(row.role) ? row.role : "reviewer", expiresAt: row.expiresAt, state };
}

type Tx = Prisma.TransactionClient;

/** Marks the link's invitation accepted, once: 404 when unknown, used, revoked or expired. */
async function claimInvitation(tx: Tx, token: unknown) {
  const invalid = new AppError("not_found", "This invitation link is not valid any more: ask an admin of the workspace for a new one.", { code: "invitation_invalid" });
  if (!isTokenShaped(token)) throw invalid;
  const row = await tx.invitation.findUnique({ where: { tokenHash: hashToken(token) }, select: { id: true, workspaceId: true, email: true, role: true } });
  if (!row) throw invalid;
  const { count } = await tx.invitation.updateMany({ where: { id: row.id, ...pendingWhere, expiresAt: { gt: new Date() } }, data: { acceptedAt: new Date() } });
  if (count === 0) throw invalid;
  return row;
}

async function joinWorkspace(tx: Tx, invitation: { id: string; workspaceId: string; role: string }, person: { userId: string; email: string }) {
  await lockForTransaction(tx, `leadbridge:members:${invitation.workspaceId}`);
  const existing = await tx.membership.findUnique({ where: { workspaceId_userId: { workspaceId: invitation.workspaceId, userId: person.userId } }, select: { id: true } });
  const membershipId = existing?.id ?? (await tx.membership.create({ data: { workspaceId: invitation.workspaceId, userId: person.userId, role: invitation.role }, select: { id: true } })).id;
  await recordAuditEvent(
    {
      workspaceId: invitation.workspaceId,
      actorType: "user",
      actorId: person.userId,
      actorLabel: person.email,
      action: "member.joined",
      targetType: "membership",
      targetId: membershipId,
      after: { email: person.email, role: invitation.role, invitationId: invitation.id },
    },
    tx,
  );
}

/**
 * A new person accepts: their account is made with the password THEY chose.
 * 409 (account_exists) when the email already has an account: that person signs in and accepts.
 */
export async function acceptInvitationWithNewAccount(token: unknown, input: { password: string; name?: string | null }): Promise<{ userId: string; workspaceId: string; email: string }> {
  const passwordHash = await hashPassword(input.password);
  return db().$transaction(async (tx) => {
    const invitation = await claimInvitation(tx, token);
    if (await findUserByEmail(invitation.email, tx)) {
      throw new AppError("conflict", "This email already has a LeadBridge account: sign in with it, then accept the invitation.", { code: "account_exists" });
    }
    const user = await createUser({ email: invitation.email, passwordHash, name: input.name?.trim() || null }, tx);
    await joinWorkspace(tx, invitation, { userId: user.id, email: user.email });
    return { userId: user.id, workspaceId: invitation.workspaceId, email: user.email };
  });
}

/** A signed-in person accepts an invitation made out to their own email. */
export async function acceptInvitationAsMember(token: unknown, person: { userId: string; email: string }): Promise<{ workspaceId: string }> {
  return db().$transaction(async (tx) => {
    const invitation = await claimInvitation(tx, token);
    if (invitation.email !== normalizeEmail(person.email)) {
      throw new AppError("forbidden", "This invitation is for another email address: sign out, then open the link again.", { code: "invitation_for_another_email" });
    }
    await joinWorkspace(tx, invitation, person);
    return { workspaceId: invitation.workspaceId };
  });
}
