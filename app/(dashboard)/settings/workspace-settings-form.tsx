"use client";
// Admins change the workspace's product catalog and intent bands (its CRM is Settings -> CRM), in the reader's language.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { apiFetch } from "@/app/_components/api";
import { useProblemText } from "@/app/_components/problem-text";

type Settings = { products: string[]; intentBands: { high: number; medium: number } };

export function WorkspaceSettingsForm({ initial }: { initial: Settings }) {
  const router = useRouter();
  const t = useTranslations("catalogSettings");
  const problemText = useProblemText();
  const [products, setProducts] = useState(initial.products.join("\n"));
  const [high, setHigh] = useState(String(initial.intentBands.high));
  const [medium, setMedium] = useState(String(initial.intentBands.medium));
  const save = useMutation({
    mutationFn: () =>
      apiFetch("/api/v1/workspace/settings", {
        method: "PATCH",
        body: {
          products: products.split("\n").map((product) => product.trim()).filter(Boolean),
          intentBands: { high: Number(high), medium: Number(medium) },
        },
      }),
    onSuccess: () => router.refresh(),
  });
  return (
    <form
      className="mt-6 grid max-w-2xl gap-3 rounded-lg border border-slate-200 bg-white p-6 text-sm"
      aria-label={t("form")}
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      <h2 className="text-base font-semibold">{t("title")}</h2>
      <label htmlFor="settings-products" className="font-medium">{t("products")}</label>
      <textarea id="settings-products" rows={4} value={products} onChange={(event) => setProducts(event.target.value)} className="rounded border border-slate-300 px-2 py-1" />
      <fieldset className="grid grid-cols-2 gap-2">
        <legend className="mb-1 font-medium">{t("bands")}</legend>
        <label htmlFor="settings-high">{t("highFrom")}</label>
        <input id="settings-high" type="number" step="0.01" min="0" max="1" value={high} onChange={(event) => setHigh(event.target.value)} className="rounded border border-slate-300 px-2 py-1" />
        <label htmlFor="settings-medium">{t("mediumFrom")}</label>
        <input id="settings-medium" type="number" step="0.01" min="0" max="1" value={medium} onChange={(event) => setMedium(event.target.value)} className="rounded border border-slate-300 px-2 py-1" />
      </fieldset>
      {save.isError && <p role="alert" className="text-red-800">{problemText(save.error)}</p>}
      {save.isSuccess && <p role="status" className="text-emerald-800">{t("saved")}</p>}
      <button type="submit" disabled={save.isPending} className="justify-self-start rounded bg-slate-900 px-3 py-1.5 font-medium text-white disabled:opacity-50">
        {t("save")}
      </button>
    </form>
  );
}
