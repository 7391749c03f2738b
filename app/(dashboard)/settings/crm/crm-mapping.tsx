"use client";
// Settings -> CRM, the mapping: the pipeline and stage new deals go to (read
// from the account), the contact property each labeled score goes to, and which
// of our fields may overwrite what a salesperson typed in HubSpot (none by
// default). The preview shows where the latest approved lead's values would
// land before anything is saved.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ApiError, apiFetch } from "@/app/_components/api";
import { useProblemText } from "@/app/_components/problem-text";
import { buttonClass } from "@/app/_components/ui/button";
import { useHydrated } from "@/app/_components/use-hydrated";
import { LABELED_SCORES, SYNCED_FIELDS, type CrmMapping, type CrmMappingOptions, type LabeledScoreField, type MappingPreview, type MappingProblem, type SyncedField } from "@/lib/crm/mapping";
import { crmKeys } from "@/lib/crm/query-keys";

type MappingData = { mapping: CrmMapping; options: CrmMappingOptions };

/** Our field in the reader's words: the catalog's ("crmSettings.mapping.fields.<key>"). */
function useFieldWords(): (field: SyncedField) => string {
  const t = useTranslations("crmSettings.mapping.fields");
  return (field) => (t.has(field) ? t(field) : SYNCED_FIELDS[field]);
}

/** How a preview row's value treats HubSpot's own, as catalog keys. */
const RULE_KEYS = { overwrites: "overwrites", "fills empty only": "fillsEmpty", ours: "ours" } as const;

function Preview({ workspaceId, draft }: { workspaceId: string; draft: CrmMapping }) {
  const t = useTranslations("crmSettings.mapping.preview");
  const fieldWords = useFieldWords();
  const problemText = useProblemText();
  const preview = useQuery({
    queryKey: crmKeys.preview(workspaceId, draft),
    queryFn: () => apiFetch<{ preview: MappingPreview; problems: MappingProblem[] }>("/api/v1/crm/mapping/preview", { method: "POST", body: draft }),
    placeholderData: keepPreviousData,
  });
  if (preview.isError) return <p role="alert" className="text-red-800">{problemText(preview.error)}</p>;
  if (!preview.data) return <p className="text-slate-600">{t("loading")}</p>;
  const { deal, rows } = preview.data.preview;
  return (
    <div className="grid gap-2" data-testid="crm-mapping-preview">
      <h3 className="font-medium">{t("title")}</h3>
      <p>
        {t.rich("deal", {
          title: deal.title,
          pipeline: deal.pipeline,
          stage: deal.stage,
          strong: (chunks) => <span className="font-medium">{chunks}</span>,
          pipelineName: (chunks) => <span className="font-medium" data-testid="preview-pipeline">{chunks}</span>,
          stageName: (chunks) => <span className="font-medium" data-testid="preview-stage">{chunks}</span>,
        })}
      </p>
      <div className="overflow-x-auto">
        <table className="w-full text-left">
          <thead className="text-slate-600">
            <tr>
              <th scope="col" className="py-1 pr-2 font-medium">{t("ourField")}</th>
              <th scope="col" className="py-1 pr-2 font-medium">{t("property")}</th>
              <th scope="col" className="py-1 pr-2 font-medium">{t("example")}</th>
              <th scope="col" className="py-1 font-medium">{t("theirValue")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.field} className="border-t border-slate-100 align-top">
                <td className="py-1 pr-2">{fieldWords(row.key)}</td>
                <td className="py-1 pr-2">{row.crmProperty}</td>
                <td className="py-1 pr-2">{row.example ?? "—"}</td>
                <td className="py-1">{t(`rules.${RULE_KEYS[row.rule]}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="text-slate-600">{t("note")}</p>
    </div>
  );
}

function MappingForm({ workspaceId, data }: { workspaceId: string; data: MappingData }) {
  const queryClient = useQueryClient();
  const hydrated = useHydrated();
  const t = useTranslations("crmSettings.mapping");
  const fieldWords = useFieldWords();
  const problemText = useProblemText();
  const [draft, setDraft] = useState<CrmMapping>(data.mapping);
  const { options } = data;
  const pipeline = draft.dealPipelineId === null ? options.pipelines[0] : options.pipelines.find((candidate) => candidate.id === draft.dealPipelineId);
  const save = useMutation({
    mutationFn: () => apiFetch<{ mapping: CrmMapping }>("/api/v1/crm/mapping", { method: "PUT", body: draft }),
    onSuccess: async (result) => {
      setDraft(result.mapping);
      await queryClient.invalidateQueries({ queryKey: crmKeys.mapping(workspaceId) });
    },
  });
  const scoreTargets = [...Object.values(options.ownScoreProperties), ...options.properties];
  const problems = save.error instanceof ApiError && Array.isArray(save.error.body.errors) ? (save.error.body.errors as MappingProblem[]) : [];
  const toggleOverwrite = (field: SyncedField, on: boolean) =>
    setDraft({ ...draft, overwriteFields: on ? [...draft.overwriteFields, field] : draft.overwriteFields.filter((candidate) => candidate !== field) });

  return (
    <form
      className="grid gap-4"
      aria-label={t("form")}
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      <fieldset className="grid grid-cols-[10rem_minmax(0,1fr)] items-center gap-2">
        <legend className="mb-1 font-medium">{t("deals")}</legend>
        <label htmlFor="crm-pipeline">{t("pipeline")}</label>
        <select
          id="crm-pipeline"
          value={draft.dealPipelineId ?? ""}
          onChange={(event) => setDraft({ ...draft, dealPipelineId: event.target.value || null, dealStageId: null })}
          className="rounded border border-slate-300 px-2 py-1"
        >
          <option value="">
            {t("firstPipeline")}
            {options.pipelines[0] ? ` (${options.pipelines[0].label})` : ""}
          </option>
          {options.pipelines.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.label}
            </option>
          ))}
        </select>
        <label htmlFor="crm-stage">{t("stage")}</label>
        <select
          id="crm-stage"
          value={draft.dealStageId ?? ""}
          disabled={draft.dealPipelineId === null}
          onChange={(event) => setDraft({ ...draft, dealStageId: event.target.value || null })}
          className="rounded border border-slate-300 px-2 py-1"
        >
          <option value="">
            {t("firstStage")}
            {pipeline?.stages[0] ? ` (${pipeline.stages[0].label})` : ""}
          </option>
          {(draft.dealPipelineId === null ? [] : (pipeline?.stages ?? [])).map((stage) => (
            <option key={stage.id} value={stage.id}>
              {stage.label}
            </option>
          ))}
        </select>
      </fieldset>

      <fieldset className="grid grid-cols-[10rem_minmax(0,1fr)] items-center gap-2">
        <legend className="mb-1 font-medium">{t("scores")}</legend>
        {(Object.keys(LABELED_SCORES) as LabeledScoreField[]).map((field) => (
          <div key={field} className="contents">
            <label htmlFor={`crm-score-${field}`}>{fieldWords(field)}</label>
            <select
              id={`crm-score-${field}`}
              value={draft.scoreProperties[field] ?? options.ownScoreProperties[field].name}
              onChange={(event) => {
                const others = Object.fromEntries(Object.entries(draft.scoreProperties).filter(([key]) => key !== field));
                const chosen = event.target.value;
                setDraft({ ...draft, scoreProperties: chosen === options.ownScoreProperties[field].name ? others : { ...others, [field]: chosen } });
              }}
              className="rounded border border-slate-300 px-2 py-1"
            >
              {scoreTargets.map((property) => (
                <option key={property.name} value={property.name}>
                  {property.label} ({property.name})
                </option>
              ))}
            </select>
          </div>
        ))}
      </fieldset>

      <fieldset className="grid gap-1">
        <legend className="mb-1 font-medium">{t("overwrite")}</legend>
        <p className="text-slate-600">{t("overwriteHint")}</p>
        <div className="flex flex-wrap gap-x-4 gap-y-1">
          {(Object.keys(SYNCED_FIELDS) as SyncedField[]).map((field) => (
            <label key={field} className="flex items-center gap-1">
              <input type="checkbox" checked={draft.overwriteFields.includes(field)} onChange={(event) => toggleOverwrite(field, event.target.checked)} />
              {fieldWords(field)}
            </label>
          ))}
        </div>
      </fieldset>

      <Preview workspaceId={workspaceId} draft={draft} />

      {save.isError && (
        <div role="alert" className="rounded bg-red-50 p-2 text-red-900">
          {problems.length > 0 ? problems.map((problem) => <p key={problem.path}>{problem.message}</p>) : problemText(save.error)}
        </div>
      )}
      {save.isSuccess && <p role="status" className="text-emerald-800">{t("saved")}</p>}
      <button type="submit" disabled={!hydrated || save.isPending} className={buttonClass("primary", "justify-self-start")}>
        {t("save")}
      </button>
    </form>
  );
}

export function CrmMappingCard({ workspaceId }: { workspaceId: string }) {
  const t = useTranslations("crmSettings.mapping");
  const problemText = useProblemText();
  const mapping = useQuery({ queryKey: crmKeys.mapping(workspaceId), queryFn: () => apiFetch<MappingData>("/api/v1/crm/mapping") });
  return (
    <section aria-labelledby="crm-mapping-heading" className="grid max-w-3xl gap-3 rounded-lg border border-slate-200 bg-white p-6 text-sm">
      <h2 id="crm-mapping-heading" className="text-base font-semibold">{t("title")}</h2>
      {mapping.isError && <p role="alert" className="text-red-800">{t("readFailed", { problem: problemText(mapping.error) })}</p>}
      {mapping.isPending && <p className="text-slate-600">{t("reading")}</p>}
      {mapping.data && <MappingForm workspaceId={workspaceId} data={mapping.data} />}
    </section>
  );
}
