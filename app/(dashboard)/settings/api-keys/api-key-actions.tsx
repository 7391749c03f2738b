"use client";
// Admins' API key controls: create (the key is shown once, here) and revoke.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { apiFetch } from "@/app/_components/api";
import { useProblemText } from "@/app/_components/problem-text";
import { buttonClass } from "@/app/_components/ui/button";
import { ConfirmDialog } from "@/app/_components/ui/confirm-dialog";
import { useHydrated } from "@/app/_components/use-hydrated";

type CreatedKey = { id: string; name: string; prefix: string; key: string };

export function CreateApiKeyForm() {
  const router = useRouter();
  const hydrated = useHydrated();
  const t = useTranslations("apiKeySettings");
  const problemText = useProblemText();
  const mutation = useMutation({
    mutationFn: (name: string) => apiFetch<CreatedKey>("/api/v1/api-keys", { method: "POST", body: { name } }),
    onSuccess: () => router.refresh(),
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    mutation.mutate(String(new FormData(event.currentTarget).get("name")));
  };
  return (
    <div className="max-w-3xl rounded-lg border border-slate-200 bg-white p-4 text-sm">
      <form onSubmit={submit} className="flex items-end gap-3">
        <label className="flex flex-col gap-1">
          {t("name")}
          <input name="name" required maxLength={100} placeholder={t("namePlaceholder")} className="rounded-md border border-slate-300 px-2 py-1" />
        </label>
        <button type="submit" disabled={!hydrated || mutation.isPending} className="rounded-md bg-slate-900 px-3 py-1.5 font-medium text-white">
          {t("create")}
        </button>
      </form>
      {mutation.data ? (
        <div className="mt-4 rounded bg-amber-50 p-3 text-amber-950">
          <p className="font-medium">{t("copyNow")}</p>
          <code className="mt-1 block break-all font-mono" data-testid="new-api-key">
            {mutation.data.key}
          </code>
        </div>
      ) : null}
      {mutation.error ? <p role="alert" className="mt-2 text-red-700">{problemText(mutation.error)}</p> : null}
    </div>
  );
}

export function RevokeApiKeyButton({ id, name }: { id: string; name: string }) {
  const router = useRouter();
  const hydrated = useHydrated();
  const t = useTranslations("apiKeySettings.revoke");
  const problemText = useProblemText();
  const [open, setOpen] = useState(false);
  const mutation = useMutation({
    mutationFn: () => apiFetch(`/api/v1/api-keys/${id}`, { method: "DELETE" }),
    onSuccess: () => {
      setOpen(false);
      router.refresh();
    },
  });
  return (
    <>
      {mutation.error ? <span role="alert" className="mr-2 text-xs text-red-700">{problemText(mutation.error)}</span> : null}
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title={t("title", { name })}
        description={t("description")}
        confirmLabel={t("confirm")}
        busy={mutation.isPending}
        onConfirm={() => mutation.mutate()}
        trigger={
          <button type="button" disabled={!hydrated} className={buttonClass("link")} aria-label={t("label", { name })}>
            {t("button")}
          </button>
        }
      />
    </>
  );
}
