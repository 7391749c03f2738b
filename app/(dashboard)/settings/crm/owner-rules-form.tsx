"use client";
// Settings -> CRM, lead owners: how new leads get their owner. A product rule
// wins, then a language rule, else the next member of the round-robin; with
// none, new leads have no owner until a reviewer gives them one. The owner's
// HubSpot user (same email) owns the contact, deal and tasks.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ApiError, apiFetch } from "@/app/_components/api";
import { useProblemText } from "@/app/_components/problem-text";
import { buttonClass } from "@/app/_components/ui/button";
import { useHydrated } from "@/app/_components/use-hydrated";
import type { OwnerRules } from "@/lib/owners/rules";
import type { WorkspaceMember } from "@/lib/workspaces/members";

type Member = Pick<WorkspaceMember, "userId" | "email" | "name">;
const memberLabel = (member: Member) => member.name ?? member.email;

function MemberSelect({ id, value, members, onChange }: { id: string; value: string; members: Member[]; onChange: (userId: string) => void }) {
  const t = useTranslations("crmSettings.owners");
  return (
    <select id={id} aria-label={t("member")} value={value} onChange={(event) => onChange(event.target.value)} className="rounded border border-slate-300 px-2 py-1">
      {members.map((member) => (
        <option key={member.userId} value={member.userId}>
          {memberLabel(member)}
        </option>
      ))}
    </select>
  );
}

export function OwnerRulesForm({ initial, members, products }: { initial: OwnerRules; members: Member[]; products: string[] }) {
  const router = useRouter();
  const hydrated = useHydrated();
  const t = useTranslations("crmSettings.owners");
  const problemText = useProblemText();
  const [rules, setRules] = useState<OwnerRules>(initial);
  const save = useMutation({ mutationFn: () => apiFetch<{ rules: OwnerRules }>("/api/v1/owner-rules", { method: "PUT", body: rules }), onSuccess: () => router.refresh() });
  const first = members[0]?.userId ?? "";
  const errors = save.error instanceof ApiError && Array.isArray(save.error.body.errors) ? (save.error.body.errors as { path: string; message: string }[]) : [];
  const update = <K extends keyof OwnerRules>(key: K, value: OwnerRules[K]) => setRules({ ...rules, [key]: value });

  return (
    <form
      className="grid gap-4"
      aria-label={t("form")}
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      <fieldset className="grid gap-2">
        <legend className="mb-1 font-medium">{t("byProduct")}</legend>
        {rules.byProduct.map((rule, index) => (
          <div key={index} className="flex flex-wrap items-center gap-2">
            <label htmlFor={`owner-product-${index}`} className="sr-only">{t("product")}</label>
            <select
              id={`owner-product-${index}`}
              value={rule.product}
              onChange={(event) => update("byProduct", rules.byProduct.map((r, i) => (i === index ? { ...r, product: event.target.value } : r)))}
              className="rounded border border-slate-300 px-2 py-1"
            >
              {[...new Set([rule.product, ...products])].map((product) => (
                <option key={product} value={product}>{product}</option>
              ))}
            </select>
            <span>{t("goesTo")}</span>
            <MemberSelect id={`owner-product-member-${index}`} value={rule.userId} members={members} onChange={(userId) => update("byProduct", rules.byProduct.map((r, i) => (i === index ? { ...r, userId } : r)))} />
            <button type="button" className={buttonClass("link")} onClick={() => update("byProduct", rules.byProduct.filter((_, i) => i !== index))}>{t("remove")}</button>
          </div>
        ))}
        <button
          type="button"
          disabled={products.length === 0 || !first}
          className={buttonClass("secondary", "justify-self-start")}
          onClick={() => update("byProduct", [...rules.byProduct, { product: products[0]!, userId: first }])}
        >
          {t("addProduct")}
        </button>
        {products.length === 0 && <p className="text-slate-600">{t("noCatalog")}</p>}
      </fieldset>

      <fieldset className="grid gap-2">
        <legend className="mb-1 font-medium">{t("byLanguage")}</legend>
        {rules.byLanguage.map((rule, index) => (
          <div key={index} className="flex flex-wrap items-center gap-2">
            <label htmlFor={`owner-language-${index}`} className="sr-only">{t("languageCode")}</label>
            <input
              id={`owner-language-${index}`}
              value={rule.language}
              placeholder="es"
              size={6}
              onChange={(event) => update("byLanguage", rules.byLanguage.map((r, i) => (i === index ? { ...r, language: event.target.value } : r)))}
              className="rounded border border-slate-300 px-2 py-1"
            />
            <span>{t("goesTo")}</span>
            <MemberSelect id={`owner-language-member-${index}`} value={rule.userId} members={members} onChange={(userId) => update("byLanguage", rules.byLanguage.map((r, i) => (i === index ? { ...r, userId } : r)))} />
            <button type="button" className={buttonClass("link")} onClick={() => update("byLanguage", rules.byLanguage.filter((_, i) => i !== index))}>{t("remove")}</button>
          </div>
        ))}
        <button type="button" disabled={!first} className={buttonClass("secondary", "justify-self-start")} onClick={() => update("byLanguage", [...rules.byLanguage, { language: "", userId: first }])}>
          {t("addLanguage")}
        </button>
      </fieldset>

      <fieldset className="grid gap-1">
        <legend className="mb-1 font-medium">{t("roundRobin")}</legend>
        <div className="flex flex-wrap gap-x-4 gap-y-1">
          {members.map((member) => (
            <label key={member.userId} className="flex items-center gap-1">
              <input
                type="checkbox"
                checked={rules.roundRobin.includes(member.userId)}
                onChange={(event) => update("roundRobin", event.target.checked ? [...rules.roundRobin, member.userId] : rules.roundRobin.filter((id) => id !== member.userId))}
              />
              {memberLabel(member)}
            </label>
          ))}
        </div>
        <p className="text-slate-600">{t("roundRobinHint")}</p>
      </fieldset>

      {save.isError && (
        <div role="alert" className="rounded bg-red-50 p-2 text-red-900">
          {errors.length > 0 ? errors.map((error) => <p key={error.path}>{error.path}: {error.message}</p>) : problemText(save.error)}
        </div>
      )}
      {save.isSuccess && <p role="status" className="text-emerald-800">{t("saved")}</p>}
      <button type="submit" disabled={!hydrated || save.isPending} className={buttonClass("primary", "justify-self-start")}>
        {t("save")}
      </button>
    </form>
  );
}
