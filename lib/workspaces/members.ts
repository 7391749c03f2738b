// Who belongs to a workspace and with which role. Admins add people (new ones
// get an initial password from the admin), change roles and remove them; a
// workspace always keeps at least one admin. Every change is audited.
import { lockForTransaction } from "@/lib/db/locks";
import { db, Prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/audit/record";
import { auditActor, type MemberPrincipal } from "@/lib/auth/principal";
import { isRole, type Role } from "@/lib/auth/roles";
import { createUser, findUserByEmail } from "@/lib/auth/users";

export type WorkspaceMember = { membershipId: string; userId: string; email: string; name: string | null; role: Role; createdAt: Date };

const memberSelect = { id: true, role: true, createdAt: true, user: { select: { id: true, email: true, name: true } } } as const;

function toMember(row: { id: string; role: string; createdAt: Date; user: { id: string; email: string; name: string | null } }): WorkspaceMember {
  return { membershipId: row.id, userId: row.user.id, email: row.user.email, name: row.user.name, role: isRole(row.role) ? row.role : "reviewer", createdAt: row.createdAt };
}

export async function listMembers(workspaceId: string): Promise<WorkspaceMember[]> {
  const rows = await db().membership.findMany({ where: { workspaceId }, orderBy: { createdAt: "asc" }, select: memberSelect });
  return rows.map(toMember);
}

/** The workspaces a person belongs to, with their role in each, oldest first. */
export async function workspacesOf(userId: string): Promise<{ id: string; name: string; role: Role }[]> {
  const rows = await db().membership.findMany({
    where: { userId },
    orderBy: { createdAt: "asc" },
    select: { role: true, workspace: { select: { id: true, name: true } } },
  });
  return rows.filter((row) => isRole(row.role)).map((row) => ({ id: row.workspace.id, name: row.workspace.name, role: row.role as Role }));
}

export type NewMember = { email: string; role: Role; name?: string | null; password?: string | null };

/** Adds a person by email; creates them when new (then a password is required). */
export async function addMember(actor: MemberPrincipal, input: NewMember): Promise<WorkspaceMember> {
  return db().$transaction(async (client) => {
    let user = await findUserByEmail(input.email, client);
    if (user && input.password) throw new AppError("conflict", "This person already has an account: add them without a password.");
    if (!user) {
      if (!input.password) throw new AppError("validation_failed", "This person has no account yet: give an initial password.");
      user = await createUser({ email: input.email, password: input.password, name: input.name }, client);
    }
    const existing = await client.membership.findUnique({ where: { workspaceId_userId: { workspaceId: actor.workspaceId, userId: user.id } }, select: { id: true } });
    if (existing) throw new AppError("conflict", "This person is already a member of the workspace.");
    const row = await client.membership.create({ data: { workspaceId: actor.workspaceId, userId: user.id, role: input.role }, select: memberSelect });
    await recordAuditEvent(
      { workspaceId: actor.workspaceId, ...auditActor(actor), action: "member.added", targetType: "membership", targetId: row.id, after: { email: user.email, role: input.role } },
      client,
    );
    return toMember(row);
  });
}

async function lockMembership(client: Prisma.TransactionClient, workspaceId: string, membershipId: string) {
  // Serializes membership changes of one workspace so the last-admin rule holds.
  await lockForTransaction(client, `leadbridge:members:${workspaceId}`);
  const row = await client.membership.findFirst({ where: { id: membershipId, workspaceId }, select: memberSelect });
  if (!row) throw new AppError("not_found", "Member not found");
  return row;
}

async function assertAnotherAdmin(client: Prisma.TransactionClient, workspaceId: string, membershipId: string) {
  const admins = await client.membership.count({ where: { workspaceId, role: "admin", NOT: { id: membershipId } } });
  if (admins === 0) throw new AppError("conflict", "A workspace needs at least one admin: make someone else admin first.");
}

export async function changeMemberRole(actor: MemberPrincipal, membershipId: string, role: Role): Promise<WorkspaceMember> {
  return db().$transaction(async (client) => {
    const row = await lockMembership(client, actor.workspaceId, membershipId);
    if (row.role === "admin" && role !== "admin") await assertAnotherAdmin(client, actor.workspaceId, membershipId);
    const updated = await client.membership.update({ where: { id: row.id }, data: { role }, select: memberSelect });
    await recordAuditEvent(
      {
        workspaceId: actor.workspaceId,
        ...auditActor(actor),
        action: "member.role_changed",
        targetType: "membership",
        targetId: row.id,
        before: { email: row.user.email, role: row.role },
        after: { email: row.user.email, role },
      },
      client,
    );
    return toMember(updated);
  });
}

export async function removeMember(actor: MemberPrincipal, membershipId: string): Promise<void> {
  await db().$transaction(async (client) => {
    const row = await lockMembership(client, actor.workspaceId, membershipId);
    if (row.role === "admin") await assertAnotherAdmin(client, actor.workspaceId, membershipId);
    await client.membership.delete({ where: { id: row.id } });
    // Their leads go back to nobody; the owner rules skip people who are not members.
    await client.leadProposal.updateMany({ where: { workspaceId: actor.workspaceId, ownerId: row.user.id }, data: { ownerId: null } });
    await recordAuditEvent(
      { workspaceId: actor.workspaceId, ...auditActor(actor), action: "member.removed", targetType: "membership", targetId: row.id, before: { email: row.user.email, role: row.role } },
      client,
    );
  });
}
