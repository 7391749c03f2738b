// How a workspace's leads land in its CRM account, as chosen in Settings -> CRM:
// the pipeline and stage of new deals, the contact property each labeled score
// is written to, and which of our fields may overwrite a value already in the
// CRM (by default none: we fill empty fields only; LeadBridge's own score
// fields are ours and always kept current). Pure: the checks against the
// account's pipelines and properties, the fill-or-keep rule, and the preview an
// admin reads before saving.
import { z } from "zod";
import type { CrmPipeline, CrmPropertyOption } from "./types";

/** The labeled scores (CrmLabeledScores' keys) and their names in the product. */
export const LABELED_SCORES = {
  leadScore: "Lead Score",
  primaryObjection: "Primary Objection",
  recommendedApproach: "Recommended Approach",
} as const;
export type LabeledScoreField = keyof typeof LABELED_SCORES;
const LABELED_SCORE_FIELDS = Object.keys(LABELED_SCORES) as [LabeledScoreField, ...LabeledScoreField[]];

/** Our fields that a sync writes on the CRM contact, in the words the Settings page uses. */
export const SYNCED_FIELDS = {
  name: "Name",
  email: "Email",
  phone: "Phone",
  company: "Company",
  owner: "Owner",
  ...LABELED_SCORES,
} as const;
export type SyncedField = keyof typeof SYNCED_FIELDS;
export const SYNCED_FIELD_NAMES = Object.keys(SYNCED_FIELDS) as [SyncedField, ...SyncedField[]];

export const crmMappingSchema = z
  .object({
    /** null: the account's first pipeline. */
    dealPipelineId: z.string().trim().min(1).max(100).nullable(),
    /** null: the pipeline's first stage. */
    dealStageId: z.string().trim().min(1).max(100).nullable(),
    /** A score not named here goes to LeadBridge's own property for it. */
    scoreProperties: z.partialRecord(z.enum(LABELED_SCORE_FIELDS), z.string().trim().min(1).max(100)),
    /** Our fields that may replace a value someone typed in the CRM. */
    overwriteFields: z.array(z.enum(SYNCED_FIELD_NAMES)).max(SYNCED_FIELD_NAMES.length).transform((fields) => [...new Set(fields)]),
  })
  .strict();
export type CrmMapping = z.infer<typeof crmMappingSchema>;

export const DEFAULT_CRM_MAPPING: CrmMapping = { dealPipelineId: null, dealStageId: null, scoreProperties: {}, overwriteFields: [] };

/** What the account offers to map to. `ownScoreProperties` are LeadBridge's own fields (created on first sync). */
export interface CrmMappingOptions {
  pipelines: CrmPipeline[];
  properties: CrmPropertyOption[];
  ownScoreProperties: Record<LabeledScoreField, CrmPropertyOption>;
}

export type MappingProblem = { path: string; message: string };

/** The mapping's mistakes against what the account has, each with the field's path. */
export function mappingProblems(mapping: CrmMapping, options: CrmMappingOptions): MappingProblem[] {
  const problems: MappingProblem[] = [];
  const pipeline = mapping.dealPipelineId === null ? options.pipelines[0] : options.pipelines.find((p) => p.id === mapping.dealPipelineId);
  if (mapping.dealPipelineId !== null && !pipeline) problems.push({ path: "dealPipelineId", message: `the account has no deal pipeline "${mapping.dealPipelineId}"` });
  if (mapping.dealStageId !== null && pipeline && !pipeline.stages.some((stage) => stage.id === mapping.dealStageId)) {
    problems.push({ path: "dealStageId", message: `the pipeline "${pipeline.label}" has no stage "${mapping.dealStageId}"` });
  }
  if (mapping.dealStageId !== null && mapping.dealPipelineId === null) problems.push({ path: "dealStageId", message: "choose the pipeline the stage belongs to" });
  const writable = new Set([...options.properties, ...Object.values(options.ownScoreProperties)].map((property) => property.name));
  const used = new Map<string, LabeledScoreField>();
  for (const [field, property] of Object.entries(mapping.scoreProperties) as [LabeledScoreField, string][]) {
    if (!writable.has(property)) problems.push({ path: `scoreProperties.${field}`, message: `"${property}" is not a text property of the account's contacts` });
    const other = used.get(property);
    if (other) problems.push({ path: `scoreProperties.${field}`, message: `"${property}" already receives ${LABELED_SCORES[other]}` });
    used.set(property, field);
  }
  return problems;
}

/** The contact property each labeled score is written to. */
export function scorePropertyNames(mapping: Pick<CrmMapping, "scoreProperties">, own: Record<LabeledScoreField, string>): Record<LabeledScoreField, string> {
  return Object.fromEntries(LABELED_SCORE_FIELDS.map((field) => [field, mapping.scoreProperties[field] ?? own[field]])) as Record<LabeledScoreField, string>;
}

/**
 * Which of `desired` to write over what the CRM record holds now: a property
 * that is empty there, or whose field may overwrite. Anything else was typed
 * (or kept) in the CRM and stays as it is.
 */
export function propertiesToWrite(
  desired: Record<string, string>,
  current: Record<string, string | null | undefined>,
  overwritable: (property: string) => boolean,
): Record<string, string> {
  return Object.fromEntries(Object.entries(desired).filter(([property, value]) => {
    const existing = current[property]?.trim();
    return !existing || existing === value.trim() || overwritable(property);
  }));
}

/** One line of the preview: our field, where it goes, the value a lead would send, and whether it may overwrite. */
export interface MappingPreviewRow {
  /** Which of our fields (the dashboard words it in the reader's language). */
  key: SyncedField;
  /** Its English name (SYNCED_FIELDS). */
  field: string;
  crmProperty: string;
  example: string | null;
  /** "ours": a LeadBridge field of its own, always kept current. */
  rule: "fills empty only" | "overwrites" | "ours";
}

export interface MappingPreview {
  deal: { pipeline: string; stage: string; title: string };
  rows: MappingPreviewRow[];
}

/** The example lead a preview shows (the workspace's latest approved lead, or a made-up one). */
export interface PreviewLead {
  name: string;
  email: string | null;
  phone: string | null;
  company: string | null;
  dealTitle: string;
  scores: Record<LabeledScoreField, string> | null;
}

export function previewMapping(mapping: CrmMapping, options: CrmMappingOptions, lead: PreviewLead, contactFieldLabels: Record<Exclude<SyncedField, LabeledScoreField>, string>, ownerExample: string | null): MappingPreview {
  const pipeline = (mapping.dealPipelineId === null ? options.pipelines[0] : options.pipelines.find((p) => p.id === mapping.dealPipelineId)) ?? null;
  const stage = (mapping.dealStageId === null ? pipeline?.stages[0] : pipeline?.stages.find((s) => s.id === mapping.dealStageId)) ?? null;
  const rule = (field: SyncedField): MappingPreviewRow["rule"] => (mapping.overwriteFields.includes(field) ? "overwrites" : "fills empty only");
  const labelOf = (name: string) => {
    const property = [...options.properties, ...Object.values(options.ownScoreProperties)].find((candidate) => candidate.name === name);
    return property ? `${property.label} (${property.name})` : name;
  };
  const own = Object.fromEntries(Object.entries(options.ownScoreProperties).map(([field, property]) => [field, property.name])) as Record<LabeledScoreField, string>;
  const scoreTargets = scorePropertyNames(mapping, own);
  return {
    deal: { pipeline: pipeline?.label ?? "(the account has no deal pipeline)", stage: stage?.label ?? "(none)", title: lead.dealTitle },
    rows: [
      { key: "name", field: SYNCED_FIELDS.name, crmProperty: contactFieldLabels.name, example: lead.name, rule: rule("name") },
      { key: "email", field: SYNCED_FIELDS.email, crmProperty: contactFieldLabels.email, example: lead.email, rule: rule("email") },
      { key: "phone", field: SYNCED_FIELDS.phone, crmProperty: contactFieldLabels.phone, example: lead.phone, rule: rule("phone") },
      { key: "company", field: SYNCED_FIELDS.company, crmProperty: contactFieldLabels.company, example: lead.company, rule: rule("company") },
      { key: "owner", field: SYNCED_FIELDS.owner, crmProperty: contactFieldLabels.owner, example: ownerExample, rule: rule("owner") },
      ...LABELED_SCORE_FIELDS.map((field) => ({
        key: field,
        field: LABELED_SCORES[field],
        crmProperty: labelOf(scoreTargets[field]),
        example: lead.scores?.[field] ?? null,
        rule: scoreTargets[field] === own[field] ? ("ours" as const) : rule(field),
      })),
    ],
  };
}
