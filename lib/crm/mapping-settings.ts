// Settings -> CRM's mapping: what the connected account offers (its deal
// pipelines and stages, its contact text properties), saving a choice checked
// against it (audited), and the preview of where the latest approved lead's
// fields would land.
import { recordAuditEvent } from "@/lib/audit/record";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { currentScore } from "@/lib/scoring/scores";
import { connectionFailure, openCrmConnection, type CrmActor, type OpenedCrmConnection } from "./connections";
import { HUBSPOT_CONTACT_FIELDS, hubSpotMappingOptions } from "./hubspot/connection";
import { crmLeadTitle } from "./lead-record";
import { mappingProblems, previewMapping, type CrmMapping, type CrmMappingOptions, type MappingPreview, type MappingProblem, type PreviewLead } from "./mapping";
import type { ConnectableCrm } from "./types";

const PROVIDERS: Record<ConnectableCrm, { options: (connection: OpenedCrmConnection) => Promise<CrmMappingOptions>; contactFields: typeof HUBSPOT_CONTACT_FIELDS }> = {
  hubspot: { options: hubSpotMappingOptions, contactFields: HUBSPOT_CONTACT_FIELDS },
};

async function connected(workspaceId: string): Promise<OpenedCrmConnection> {
  const connection = await openCrmConnection(workspaceId);
  if (!connection) throw new AppError("conflict", "Connect the workspace's CRM account first: the internal CRM has nothing to map.");
  return connection;
}

async function readOptions(connection: OpenedCrmConnection): Promise<CrmMappingOptions> {
  try {
    return await PROVIDERS[connection.provider].options(connection);
  } catch (error) {
    throw connectionFailure(error);
  }
}

/** The account's choices beside the mapping in force. */
export async function crmMappingOptions(workspaceId: string): Promise<{ mapping: CrmMapping; options: CrmMappingOptions }> {
  const connection = await connected(workspaceId);
  return { mapping: connection.mapping, options: await readOptions(connection) };
}

/** A pipeline chosen without a stage gets its first stage, so a deal always has both. */
function withStage(mapping: CrmMapping, options: CrmMappingOptions): CrmMapping {
  if (mapping.dealPipelineId === null || mapping.dealStageId !== null) return mapping;
  const pipeline = options.pipelines.find((candidate) => candidate.id === mapping.dealPipelineId);
  return { ...mapping, dealStageId: pipeline?.stages[0]?.id ?? null };
}

export async function saveCrmMapping(workspaceId: string, mapping: CrmMapping, actor: CrmActor): Promise<CrmMapping> {
  const connection = await connected(workspaceId);
  const options = await readOptions(connection);
  const problems = mappingProblems(mapping, options);
  if (problems.length > 0) throw new AppError("validation_failed", problems.map((problem) => problem.message).join("; "), { errors: problems });
  const saved = withStage(mapping, options);
  await db().$transaction(async (tx) => {
    await tx.crmConnection.update({
      where: { workspaceId },
      data: { dealPipelineId: saved.dealPipelineId, dealStageId: saved.dealStageId, scoreProperties: saved.scoreProperties, overwriteFields: saved.overwriteFields },
    });
    await recordAuditEvent({ ...actor, workspaceId, action: "crm.mapping_changed", targetType: "workspace", targetId: workspaceId, before: connection.mapping, after: saved }, tx);
  });
  return saved;
}

const EXAMPLE_LEAD: PreviewLead & { ownerEmail: string | null } = {
  name: "Ana Souza",
  email: "ana.souza@example.com",
  phone: "+5511987654321",
  company: "Verde Solar",
  dealTitle: crmLeadTitle("Ana Souza", "Solar Panel Kit"),
  scores: { leadScore: "High (0.82)", primaryObjection: "Price: worried about the cost", recommendedApproach: "Send a quote with financing options" },
  ownerEmail: null,
};

/** The workspace's latest approved lead as the CRM would receive it, or a made-up one before there is any. */
async function previewLead(workspaceId: string): Promise<PreviewLead & { ownerEmail: string | null }> {
  const latest = await db().leadProposal.findFirst({
    where: { workspaceId, status: { in: ["approved", "merged"] }, contactId: { not: null } },
    orderBy: [{ reviewedAt: { sort: "desc", nulls: "last" } }, { id: "asc" }],
    select: { conversationId: true, productInterest: true, owner: { select: { email: true } }, contact: { select: { name: true, email: true, phoneE164: true, company: true } } },
  });
  if (!latest?.contact) return EXAMPLE_LEAD;
  const score = await currentScore(workspaceId, latest.conversationId);
  const fields = score?.labels.fields;
  return {
    name: latest.contact.name,
    email: latest.contact.email,
    phone: latest.contact.phoneE164,
    company: latest.contact.company,
    dealTitle: crmLeadTitle(latest.contact.name, latest.productInterest),
    scores: fields ? { leadScore: fields["Lead Score"], primaryObjection: fields["Primary Objection"], recommendedApproach: fields["Recommended Approach"] } : null,
    ownerEmail: latest.owner?.email ?? null,
  };
}

/** Where each field would land under `mapping` (unsaved), and what is wrong with it, if anything. */
export async function previewCrmMapping(workspaceId: string, mapping: CrmMapping): Promise<{ preview: MappingPreview; problems: MappingProblem[] }> {
  const connection = await connected(workspaceId);
  const [options, lead] = await Promise.all([readOptions(connection), previewLead(workspaceId)]);
  const preview = previewMapping(withStage(mapping, options), options, lead, PROVIDERS[connection.provider].contactFields, lead.ownerEmail ? `the HubSpot user ${lead.ownerEmail}` : "the lead owner's HubSpot user");
  return { preview, problems: mappingProblems(mapping, options) };
}
