// Lead owners by rule: the workspace's assignment rules (admins edit them in
// Settings -> CRM) and the owner they give a new proposal, once (a reviewer's
// choice, made in the queue through lib/leads/bulk.ts, is never replaced). An
// owner is always a member of the workspace. Audited on the lead.
import { recordAuditEvent, type AuditEntry } from "@/lib/audit/record";
import { db, Prisma } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { chooseOwner, ownerRuleProblems, readOwnerRules, type OwnerChoice, type OwnerRules } from "./rules";

export type OwnerActor = Pick<AuditEntry, "actorType" | "actorId" | "actorLabel">;

async function memberIds(workspaceId: string, client: Prisma.TransactionClient = db()): Promise<Set<string>> {
  const rows = await client.membership.findMany({ where: { workspaceId }, select: { userId: true } });
  return new Set(rows.map((row) => row.userId));
}

export async function ownerRulesOf(workspaceId: string): Promise<OwnerRules> {
  const workspace = await db().workspace.findUnique({ where: { id: workspaceId }, select: { ownerRules: true } });
  if (!workspace) throw notFound("Workspace");
  return readOwnerRules(workspace.ownerRules);
}

export async function saveOwnerRules(workspaceId: string, rules: OwnerRules, actor: OwnerActor): Promise<OwnerRules> {
  const problems = ownerRuleProblems(rules, await memberIds(workspaceId));
  if (problems.length > 0) throw new AppError("validation_failed", "Every rule must name a member of this workspace.", { errors: problems });
  return db().$transaction(async (tx) => {
    const before = await tx.workspace.findUnique({ where: { id: workspaceId }, select: { ownerRules: true } });
    if (!before) throw notFound("Workspace");
    await tx.workspace.update({ where: { id: workspaceId }, data: { ownerRules: rules } });
    await recordAuditEvent({ ...actor, workspaceId, action: "workspace.owner_rules_changed", targetType: "workspace", targetId: workspaceId, before: before.ownerRules ?? {}, after: rules }, tx);
    return rules;
  });
}

/**
 * Gives a new proposal the owner the rules choose, unless it has one already.
 * The round-robin's turn is taken atomically, so concurrent extractions deal
 * leads out in turn.
 */
export async function assignNewLeadOwner(workspaceId: string, proposalId: string): Promise<OwnerChoice> {
  return db().$transaction(async (tx) => {
    const proposal = await tx.leadProposal.findFirst({
      where: { id: proposalId, workspaceId },
      select: { ownerId: true, productInterest: true, conversation: { select: { language: true } }, workspace: { select: { ownerRules: true, ownerRotation: true } } },
    });
    if (!proposal || proposal.ownerId) return null;
    const rules = readOwnerRules(proposal.workspace.ownerRules);
    const lead = { product: proposal.productInterest, language: proposal.conversation.language };
    const members = await memberIds(workspaceId, tx);
    let choice = chooseOwner(rules, lead, members, proposal.workspace.ownerRotation);
    if (choice?.rule === "round_robin") {
      const [turn] = await tx.$queryRaw<{ rotation: number }[]>`
        UPDATE workspaces SET owner_rotation = owner_rotation + 1 WHERE id = ${workspaceId}::uuid RETURNING owner_rotation - 1 AS rotation`;
      choice = chooseOwner(rules, lead, members, turn!.rotation);
    }
    if (!choice) return null;
    const { count } = await tx.leadProposal.updateMany({ where: { id: proposalId, ownerId: null }, data: { ownerId: choice.userId, version: { increment: 1 } } });
    if (count === 0) return null;
    await recordAuditEvent(
      { workspaceId, actorType: "system", actorLabel: "owner rules", action: "lead.assigned", targetType: "lead_proposal", targetId: proposalId, after: { ownerId: choice.userId, rule: choice.rule } },
      tx,
    );
    return choice;
  });
}
