"use client";
// The proposed lead as an editable form: each field with its confidence, the
// flags about it, and a button that shows the message it came from. Validation
// and the flags re-run on every keystroke (the caller passes checkLead's and
// reviewFlags' results, the same rules the server applies on approval).
import { useTranslations } from "next-intl";
import { forwardRef } from "react";
import type { LeadCheck, LeadValues } from "@/lib/leads/lead-fields";
import { flagWords, urgencyWords } from "@/app/_components/lead-words";
import { confidenceWord, EXTRACTION_FIELD, type Evidence, type ReviewFlag } from "./review-types";

type Props = {
  values: LeadValues;
  onChange: (values: LeadValues) => void;
  check: LeadCheck;
  products: string[];
  evidence: Record<string, Evidence>;
  confidence: Record<string, number>;
  /** The flags as the values stand now. */
  flags: ReviewFlag[];
  readOnly: boolean;
  onShowEvidence: (evidence: NonNullable<Evidence>) => void;
};

const FIELDS: (keyof LeadValues)[] = ["name", "email", "phone", "company", "productInterest", "urgencyLevel"];

function Badge({ tone, children }: { tone: "good" | "bad" | "warn" | "info"; children: string }) {
  const styles = { good: "bg-emerald-100 text-emerald-900", bad: "bg-red-100 text-red-900", warn: "bg-amber-100 text-amber-900", info: "bg-slate-100 text-slate-800" };
  return <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${styles[tone]}`}>{children}</span>;
}

export const LeadForm = forwardRef<HTMLInputElement, Props>(function LeadForm(props, firstInput) {
  const { values, onChange, check, products, evidence, confidence, flags, readOnly, onShowEvidence } = props;
  const t = useTranslations();
  const fieldLabel = (field: keyof LeadValues) => t(`lead.fields.${field}`);
  const hasName = Boolean(values.name?.trim());
  const missing = hasName ? "missingContact" : check.validation.email_valid === true || check.validation.phone_valid === true ? "missingName" : "missingBoth";
  const phoneFromWhatsApp = flags.some((flag) => flag.code === "phone_from_whatsapp");
  const set = (field: keyof LeadValues) => (value: string) => onChange({ ...values, [field]: value === "" ? null : value });

  const fieldBadges = (field: keyof LeadValues) => {
    const badges: React.ReactNode[] = [];
    if (field === "email" && values.email) {
      badges.push(<Badge key="v" tone={check.validation.email_valid ? "good" : "bad"}>{check.validation.email_valid ? t("review.form.validEmail") : t("review.form.invalidEmail")}</Badge>);
    }
    if (field === "phone" && values.phone) {
      badges.push(<Badge key="v" tone={check.validation.phone_valid ? "good" : "bad"}>{check.validation.phone_valid ? t("review.form.validPhone") : t("review.form.invalidPhone")}</Badge>);
      if (check.validation.phone_type) badges.push(<Badge key="k" tone="info">{t.has(`lead.phoneTypes.${check.validation.phone_type}`) ? t(`lead.phoneTypes.${check.validation.phone_type}`) : check.validation.phone_type.replaceAll("_", " ")}</Badge>);
      if (check.validation.phone_country) badges.push(<Badge key="c" tone="info">{check.validation.phone_country}</Badge>);
      if (phoneFromWhatsApp) badges.push(<Badge key="w" tone="info">{t("review.form.fromWhatsApp")}</Badge>);
    }
    return badges;
  };

  return (
    <form className="grid gap-3" aria-label={t("review.form.label")} onSubmit={(event) => event.preventDefault()}>
      {FIELDS.map((field, index) => {
        const key = EXTRACTION_FIELD[field]!;
        const fieldEvidence = evidence[key] ?? null;
        const fieldFlags = flags.filter((flag) => flag.field === key && flag.code !== "phone_from_whatsapp");
        const id = `lead-${field}`;
        return (
          <div key={field} className="grid gap-1">
            <div className="flex items-center justify-between gap-2">
              <label htmlFor={id} className="text-sm font-medium">
                {fieldLabel(field)}
              </label>
              <span className="text-xs text-slate-600">{t("review.form.confidence", { level: t(`lead.confidence.${confidenceWord(confidence[key])}`).toLowerCase() })}</span>
            </div>
            <div className="flex gap-2">
              {field === "urgencyLevel" ? (
                <select id={id} disabled={readOnly} value={values.urgencyLevel ?? ""} onChange={(event) => set(field)(event.target.value)} className="flex-1 rounded border border-slate-300 px-2 py-1 text-sm">
                  <option value="">—</option>
                  <option value="low">{urgencyWords(t, "low")}</option>
                  <option value="medium">{urgencyWords(t, "medium")}</option>
                  <option value="high">{urgencyWords(t, "high")}</option>
                </select>
              ) : field === "productInterest" ? (
                <select id={id} disabled={readOnly} value={values.productInterest ?? ""} onChange={(event) => set(field)(event.target.value)} className="flex-1 rounded border border-slate-300 px-2 py-1 text-sm">
                  <option value="">{t("review.form.noProduct")}</option>
                  {products.map((product) => (
                    <option key={product} value={product}>
                      {product}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  id={id}
                  ref={index === 0 ? firstInput : undefined}
                  readOnly={readOnly}
                  value={values[field] ?? ""}
                  onChange={(event) => set(field)(event.target.value)}
                  className="flex-1 rounded border border-slate-300 px-2 py-1 text-sm read-only:bg-slate-50"
                  aria-describedby={`${id}-checks`}
                />
              )}
              <button
                type="button"
                disabled={!fieldEvidence}
                onClick={() => fieldEvidence && onShowEvidence(fieldEvidence)}
                className="rounded border border-slate-300 px-2 text-xs text-slate-800 hover:bg-slate-100 disabled:opacity-50"
                aria-label={t("review.form.evidenceLabel", { field: fieldLabel(field).toLowerCase() })}
              >
                {t("review.form.evidence")}
              </button>
            </div>
            <div id={`${id}-checks`} className="flex flex-wrap gap-1" data-testid={`${id}-checks`}>
              {fieldBadges(field)}
              {fieldFlags.map((flag) => (
                <span key={flag.code + flag.message} className="inline-flex flex-wrap items-center gap-1" data-flag={flag.code}>
                  <Badge tone="warn">{flagWords(t, flag, values[field])}</Badge>
                  {flag.code === "email_typo_hint" && flag.suggestion && !readOnly && (
                    <button type="button" className="text-xs underline" onClick={() => onChange({ ...values, email: flag.suggestion! })}>
                      {t("review.form.useSuggestion", { suggestion: flag.suggestion })}
                    </button>
                  )}
                </span>
              ))}
            </div>
          </div>
        );
      })}
      <p className={`text-sm ${check.qualifies ? "text-emerald-800" : "text-amber-800"}`} role="status" data-testid="qualification">
        {check.qualifies ? t("review.form.qualifies") : t("review.form.insufficient", { missing: t(`review.form.${missing}`) })}
      </p>
    </form>
  );
});
