"use client";
// Admins' WhatsApp number controls: add a number (what was parked for it is
// ingested), remove one (after confirming), route a parked number here.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { apiFetch, fieldErrorsOf } from "@/app/_components/api";
import { useProblemText } from "@/app/_components/problem-text";
import { DateTimeText } from "@/app/_components/time";
import { buttonClass } from "@/app/_components/ui/button";
import { ConfirmDialog } from "@/app/_components/ui/confirm-dialog";
import { useHydrated } from "@/app/_components/use-hydrated";

type Added = { parkedRouted: number; messagesStored: number };

export function AddNumberForm() {
  const router = useRouter();
  const hydrated = useHydrated();
  const t = useTranslations("whatsappSettings");
  const problemText = useProblemText();
  const add = useMutation({
    mutationFn: (body: { phoneNumberId: string; displayPhoneNumber: string | null }) => apiFetch<Added>("/api/v1/whatsapp-numbers", { method: "POST", body }),
    onSuccess: () => router.refresh(),
  });
  const errors = fieldErrorsOf(add.error);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const display = String(form.get("displayPhoneNumber") ?? "").trim();
    add.mutate({ phoneNumberId: String(form.get("phoneNumberId") ?? "").trim(), displayPhoneNumber: display === "" ? null : display });
  };
  return (
    <form onSubmit={submit} aria-label={t("add.form")} className="mt-4 flex max-w-3xl flex-wrap items-start gap-3 rounded-lg border border-slate-200 bg-white p-4 text-sm">
      <label className="flex flex-col gap-1">
        phone_number_id
        <input name="phoneNumberId" required inputMode="numeric" placeholder="106540352242922" className="rounded-md border border-slate-300 px-2 py-1 font-mono" />
        {errors.phoneNumberId ? <span role="alert" className="text-xs text-red-700">{errors.phoneNumberId}</span> : null}
      </label>
      <label className="flex flex-col gap-1">
        {t("add.display")}
        <input name="displayPhoneNumber" placeholder="+55 11 4000-1234" className="rounded-md border border-slate-300 px-2 py-1" />
        {errors.displayPhoneNumber ? <span role="alert" className="text-xs text-red-700">{errors.displayPhoneNumber}</span> : null}
      </label>
      <button type="submit" disabled={!hydrated || add.isPending} className="mt-5 rounded-md bg-slate-900 px-3 py-1.5 font-medium text-white disabled:opacity-50">
        {t("add.submit")}
      </button>
      {add.error && Object.keys(errors).length === 0 ? <p role="alert" className="basis-full text-red-700">{problemText(add.error)}</p> : null}
      {add.data ? (
        <p role="status" className="basis-full text-emerald-800">
          {t("add.done")}
          {add.data.parkedRouted > 0 ? ` ${t("add.routed", { deliveries: add.data.parkedRouted, messages: add.data.messagesStored })}` : ""}
        </p>
      ) : null}
    </form>
  );
}

export function RemoveNumberButton({ id, label }: { id: string; label: string }) {
  const router = useRouter();
  const hydrated = useHydrated();
  const t = useTranslations("whatsappSettings.remove");
  const problemText = useProblemText();
  const [open, setOpen] = useState(false);
  const remove = useMutation({
    mutationFn: () => apiFetch(`/api/v1/whatsapp-numbers/${id}`, { method: "DELETE" }),
    onSuccess: () => {
      setOpen(false);
      router.refresh();
    },
  });
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={setOpen}
      trigger={
        <button type="button" disabled={!hydrated} className={buttonClass("link")} aria-label={t("label", { number: label })}>
          {t("button")}
        </button>
      }
      title={t("title", { number: label })}
      description={t("description")}
      confirmLabel={t("confirm")}
      cancelLabel={t("cancel")}
      busy={remove.isPending}
      onConfirm={() => remove.mutate()}
    >
      {remove.error ? <p role="alert" className="text-sm text-red-700">{problemText(remove.error)}</p> : null}
    </ConfirmDialog>
  );
}

type ParkedNumberData = { phoneNumberId: string; displayPhoneNumber: string | null; deliveries: number; firstReceivedAt: string; lastReceivedAt: string; parkedId: string };

function RouteButton({ number }: { number: ParkedNumberData }) {
  const router = useRouter();
  const hydrated = useHydrated();
  const t = useTranslations("whatsappSettings.parked");
  const problemText = useProblemText();
  const route = useMutation({
    mutationFn: () => apiFetch<Added>(`/api/v1/parked-webhooks/${number.parkedId}/route`, { method: "POST" }),
    onSuccess: () => router.refresh(),
  });
  return (
    <>
      {route.error ? <span role="alert" className="mr-2 text-xs text-red-700">{problemText(route.error)}</span> : null}
      <button type="button" disabled={!hydrated || route.isPending} onClick={() => route.mutate()} className="rounded-md border border-slate-300 px-2 py-1 text-xs font-medium hover:bg-slate-100" aria-label={t("routeLabel", { id: number.phoneNumberId })}>
        {t("route")}
      </button>
    </>
  );
}

export function ParkedNumbers({ numbers }: { numbers: ParkedNumberData[] }) {
  const t = useTranslations("whatsappSettings.parked");
  return (
    <section aria-label={t("label")} className="mt-8 max-w-3xl">
      <h2 className="mb-1 text-base font-semibold">{t("title")}</h2>
      <p className="mb-2 text-sm text-slate-600">{t("description")}</p>
      {numbers.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-600">{t("empty")}</p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm" data-testid="parked-numbers">
          {numbers.map((number) => (
            <li key={number.phoneNumberId} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3">
              <div>
                <div className="font-medium">{number.displayPhoneNumber ?? t("unknownDisplay")} <span className="font-mono text-xs text-slate-600">{number.phoneNumberId}</span></div>
                <div className="text-xs text-slate-600">
                  {t("deliveries", { count: number.deliveries })} · {t("last")} <DateTimeText iso={number.lastReceivedAt} />
                </div>
              </div>
              <RouteButton number={number} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
