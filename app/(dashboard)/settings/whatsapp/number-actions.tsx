"use client";
// Admins' WhatsApp number controls: add a number (what was parked for it is
// ingested), remove one (after confirming), route a parked number here.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { apiFetch, fieldErrorsOf } from "@/app/_components/api";
import { buttonClass } from "@/app/_components/ui/button";
import { ConfirmDialog } from "@/app/_components/ui/confirm-dialog";
import { useHydrated } from "@/app/_components/use-hydrated";

type Added = { parkedRouted: number; messagesStored: number };

export function AddNumberForm() {
  const router = useRouter();
  const hydrated = useHydrated();
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
    <form onSubmit={submit} aria-label="Add a WhatsApp number" className="mt-4 flex max-w-3xl flex-wrap items-start gap-3 rounded-lg border border-slate-200 bg-white p-4 text-sm">
      <label className="flex flex-col gap-1">
        phone_number_id
        <input name="phoneNumberId" required inputMode="numeric" placeholder="106540352242922" className="rounded-md border border-slate-300 px-2 py-1 font-mono" />
        {errors.phoneNumberId ? <span role="alert" className="text-xs text-red-700">{errors.phoneNumberId}</span> : null}
      </label>
      <label className="flex flex-col gap-1">
        Display number (optional)
        <input name="displayPhoneNumber" placeholder="+55 11 4000-1234" className="rounded-md border border-slate-300 px-2 py-1" />
        {errors.displayPhoneNumber ? <span role="alert" className="text-xs text-red-700">{errors.displayPhoneNumber}</span> : null}
      </label>
      <button type="submit" disabled={!hydrated || add.isPending} className="mt-5 rounded-md bg-slate-900 px-3 py-1.5 font-medium text-white disabled:opacity-50">
        Add number
      </button>
      {add.error && Object.keys(errors).length === 0 ? <p role="alert" className="basis-full text-red-700">{add.error.message}</p> : null}
      {add.data ? (
        <p role="status" className="basis-full text-emerald-800">
          Number added.{add.data.parkedRouted > 0 ? ` ${add.data.parkedRouted} parked deliveries routed here (${add.data.messagesStored} messages stored).` : ""}
        </p>
      ) : null}
    </form>
  );
}

export function RemoveNumberButton({ id, label }: { id: string; label: string }) {
  const router = useRouter();
  const hydrated = useHydrated();
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
        <button type="button" disabled={!hydrated} className={buttonClass("link")} aria-label={`Remove ${label}`}>
          Remove
        </button>
      }
      title={`Remove ${label}?`}
      description="New messages to this number will be parked, not stored here, until a workspace routes it again."
      confirmLabel="Remove number"
      cancelLabel="Keep it"
      busy={remove.isPending}
      onConfirm={() => remove.mutate()}
    >
      {remove.error ? <p role="alert" className="text-sm text-red-700">{remove.error.message}</p> : null}
    </ConfirmDialog>
  );
}

type ParkedNumberData = { phoneNumberId: string; displayPhoneNumber: string | null; deliveries: number; firstReceivedAt: string; lastReceivedAt: string; parkedId: string };

function RouteButton({ number }: { number: ParkedNumberData }) {
  const router = useRouter();
  const hydrated = useHydrated();
  const route = useMutation({
    mutationFn: () => apiFetch<Added>(`/api/v1/parked-webhooks/${number.parkedId}/route`, { method: "POST" }),
    onSuccess: () => router.refresh(),
  });
  return (
    <>
      {route.error ? <span role="alert" className="mr-2 text-xs text-red-700">{route.error.message}</span> : null}
      <button type="button" disabled={!hydrated || route.isPending} onClick={() => route.mutate()} className="rounded-md border border-slate-300 px-2 py-1 text-xs font-medium hover:bg-slate-100" aria-label={`Route ${number.phoneNumberId} to this workspace`}>
        Route to this workspace
      </button>
    </>
  );
}

export function ParkedNumbers({ numbers }: { numbers: ParkedNumberData[] }) {
  return (
    <section aria-label="Parked deliveries" className="mt-8 max-w-3xl">
      <h2 className="mb-1 text-base font-semibold">Parked deliveries from unknown numbers</h2>
      <p className="mb-2 text-sm text-slate-600">Meta sent these for numbers no workspace owns yet. Routing one registers its number here and stores every parked message.</p>
      {numbers.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-600">Nothing is parked.</p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm" data-testid="parked-numbers">
          {numbers.map((number) => (
            <li key={number.phoneNumberId} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3">
              <div>
                <div className="font-medium">{number.displayPhoneNumber ?? "Unknown display number"} <span className="font-mono text-xs text-slate-600">{number.phoneNumberId}</span></div>
                <div className="text-xs text-slate-600">
                  {number.deliveries} {number.deliveries === 1 ? "delivery" : "deliveries"}, last <time dateTime={number.lastReceivedAt}>{number.lastReceivedAt.slice(0, 16).replace("T", " ")} UTC</time>
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
