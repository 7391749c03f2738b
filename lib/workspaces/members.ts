// Who belongs to a workspace and with which role. People join through
// invitations (lib/workspaces/invitations.ts); admins change roles and remove
// members; a workspace always keeps at least one admin. Every change is audited.
import { lockForTransaction } from "@/lib/db/locks";
import { db, Prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/audit/record";
import { auditActor, type MemberPrincipal } from "@/lib/auth/principal";
import { isRole, type Role } from "@/lib/auth/roles";

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
