"use client";
// Admins' member controls: invite a person (a one-time link to copy, emailed
// when SMTP is configured), renew or withdraw an invitation, change a role,
// remove a member. Each re-renders the server list.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { apiFetch } from "@/app/_components/api";
import { useProblemText } from "@/app/_components/problem-text";
import { buttonClass } from "@/app/_components/ui/button";
import { ConfirmDialog } from "@/app/_components/ui/confirm-dialog";
import { useHydrated } from "@/app/_components/use-hydrated";

/** A member change that re-renders the server list; `ready` is false until it can run. */
function useMemberMutation<T, R = unknown>(fn: (input: T) => Promise<R>) {
  const router = useRouter();
  const hydrated = useHydrated();
  const mutation = useMutation({ mutationFn: fn, onSuccess: () => router.refresh() });
  return { ...mutation, ready: hydrated && !mutation.isPending };
}

/** A role in the reader's words (the catalog's "roles"), the code itself for one it does not know. */
function useRoleWords(): (role: string) => string {
  const t = useTranslations("roles");
  return (role) => (t.has(role) ? t(role) : role);
}

export function MemberRoleSelect({ membershipId, email, role, roles }: { membershipId: string; email: string; role: string; roles: string[] }) {
  const t = useTranslations("memberSettings");
  const roleWords = useRoleWords();
  const problemText = useProblemText();
  const mutation = useMemberMutation((next: string) => apiFetch(`/api/v1/members/${membershipId}`, { method: "PATCH", body: { role: next } }));
  return (
    <>
      <select
        aria-label={t("roleOf", { email })}
        defaultValue={role}
        disabled={!mutation.ready}
        onChange={(event) => mutation.mutate(event.target.value)}
        className="rounded-md border border-slate-300 px-2 py-1"
      >
        {roles.map((r) => (
          <option key={r} value={r}>
            {roleWords(r)}
          </option>
        ))}
      </select>
      {mutation.error ? <span role="alert" className="ml-2 text-xs text-red-700">{problemText(mutation.error)}</span> : null}
    </>
  );
}

export function RemoveMemberButton({ membershipId, email }: { membershipId: string; email: string }) {
  const t = useTranslations("memberSettings.remove");
  const problemText = useProblemText();
  const [open, setOpen] = useState(false);
  const mutation = useMemberMutation(() => apiFetch(`/api/v1/members/${membershipId}`, { method: "DELETE" }));
  return (
    <>
      {mutation.error ? <span role="alert" className="mr-2 text-xs text-red-700">{problemText(mutation.error)}</span> : null}
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title={t("title", { email })}
        description={t("description")}
        confirmLabel={t("confirm")}
        busy={mutation.isPending}
        onConfirm={() => mutation.mutate(undefined, { onSuccess: () => setOpen(false) })}
        trigger={
          <button type="button" disabled={!mutation.ready} className={buttonClass("link")} aria-label={t("label", { email })}>
            {t("button")}
          </button>
        }
      />
    </>
  );
}

type Issued = { invitation: { id: string; email: string }; path: string; emailed: boolean };

/** The one-time link to copy, shown once right after it is made. */
function IssuedLink({ issued }: { issued: Issued }) {
  const t = useTranslations("memberSettings.link");
  const link = `${window.location.origin}${issued.path}`;
  const [copied, setCopied] = useState(false);
  return (
    <div className="mt-3 w-full rounded bg-amber-50 p-3 text-amber-950" data-testid="invitation-link">
      <p className="font-medium">
        {issued.emailed ? `${t("emailed", { email: issued.invitation.email })} ` : ""}
        {t("copyIt", { email: issued.invitation.email })}
      </p>
      <div className="mt-1 flex items-center gap-2">
        <code className="block break-all font-mono text-xs">{link}</code>
        <button type="button" className="shrink-0 rounded border border-amber-400 px-2 py-0.5 text-xs" onClick={() => void navigator.clipboard.writeText(link).then(() => setCopied(true))}>
          {copied ? t("copied") : t("copy")}
        </button>
      </div>
    </div>
  );
}

export function InviteMemberForm({ roles }: { roles: string[] }) {
  const t = useTranslations("memberSettings");
  const roleWords = useRoleWords();
  const problemText = useProblemText();
  const [formKey, setFormKey] = useState(0);
  const mutation = useMemberMutation((input: { email: string; role: string }) => apiFetch<Issued>("/api/v1/invitations", { method: "POST", body: input }));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    mutation.mutate({ email: String(form.get("email")), role: String(form.get("role")) }, { onSuccess: () => setFormKey((k) => k + 1) });
  };
  return (
    <form key={formKey} onSubmit={submit} aria-label={t("invite.form")} className="mt-6 flex max-w-3xl flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 text-sm">
      <label className="flex flex-col gap-1">
        {t("email")}
        <input name="email" type="email" required className="rounded-md border border-slate-300 px-2 py-1" />
      </label>
      <label className="flex flex-col gap-1">
        {t("role")}
        <select name="role" defaultValue="reviewer" className="rounded-md border border-slate-300 px-2 py-1">
          {roles.map((r) => (
            <option key={r} value={r}>
              {roleWords(r)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" disabled={!mutation.ready} className="rounded-md bg-slate-900 px-3 py-1.5 font-medium text-white">
        {t("invite.submit")}
      </button>
      <p className="w-full text-xs text-slate-600">{t("invite.hint")}</p>
      {mutation.data ? <IssuedLink issued={mutation.data} /> : null}
      {mutation.error ? <p role="alert" className="w-full text-red-700">{problemText(mutation.error)}</p> : null}
    </form>
  );
}

export function InvitationActions({ invitationId, email }: { invitationId: string; email: string }) {
  const t = useTranslations("memberSettings.invitation");
  const problemText = useProblemText();
  const [confirming, setConfirming] = useState(false);
  const renew = useMemberMutation(() => apiFetch<Issued>(`/api/v1/invitations/${invitationId}/renew`, { method: "POST" }));
  const revoke = useMemberMutation(() => apiFetch(`/api/v1/invitations/${invitationId}`, { method: "DELETE" }));
  const error = renew.error ?? revoke.error;
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex gap-3">
        <button type="button" onClick={() => renew.mutate(undefined)} disabled={!renew.ready} className={buttonClass("link")} aria-label={t("renewLabel", { email })}>
          {t("renew")}
        </button>
        <ConfirmDialog
          open={confirming}
          onOpenChange={setConfirming}
          title={t("withdrawTitle", { email })}
          description={t("withdrawDescription")}
          confirmLabel={t("withdrawConfirm")}
          busy={revoke.isPending}
          onConfirm={() => revoke.mutate(undefined, { onSuccess: () => setConfirming(false) })}
          trigger={
            <button type="button" disabled={!revoke.ready} className={buttonClass("link")} aria-label={t("withdrawLabel", { email })}>
              {t("withdraw")}
            </button>
          }
        />
      </div>
      {renew.data ? <IssuedLink issued={renew.data} /> : null}
      {error ? <span role="alert" className="text-xs text-red-700">{problemText(error)}</span> : null}
    </div>
  );
}
