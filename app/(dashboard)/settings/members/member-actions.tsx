"use client";
// Admins' member controls: invite a person (a one-time link to copy, emailed
// when SMTP is configured), renew or withdraw an invitation, change a role,
// remove a member. Each re-renders the server list.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { apiFetch } from "@/app/_components/api";
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

export function MemberRoleSelect({ membershipId, email, role, roles }: { membershipId: string; email: string; role: string; roles: string[] }) {
  const mutation = useMemberMutation((next: string) => apiFetch(`/api/v1/members/${membershipId}`, { method: "PATCH", body: { role: next } }));
  return (
    <>
      <select
        aria-label={`Role of ${email}`}
        defaultValue={role}
        disabled={!mutation.ready}
        onChange={(event) => mutation.mutate(event.target.value)}
        className="rounded-md border border-slate-300 px-2 py-1"
      >
        {roles.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </select>
      {mutation.error ? <span role="alert" className="ml-2 text-xs text-red-700">{mutation.error.message}</span> : null}
    </>
  );
}

export function RemoveMemberButton({ membershipId, email }: { membershipId: string; email: string }) {
  const [open, setOpen] = useState(false);
  const mutation = useMemberMutation(() => apiFetch(`/api/v1/members/${membershipId}`, { method: "DELETE" }));
  return (
    <>
      {mutation.error ? <span role="alert" className="mr-2 text-xs text-red-700">{mutation.error.message}</span> : null}
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title={`Remove ${email} from this workspace?`}
        description="They are signed out of this workspace and can no longer see it. Invite them again to give access back."
        confirmLabel="Remove member"
        busy={mutation.isPending}
        onConfirm={() => mutation.mutate(undefined, { onSuccess: () => setOpen(false) })}
        trigger={
          <button type="button" disabled={!mutation.ready} className={buttonClass("link")} aria-label={`Remove ${email}`}>
            Remove
          </button>
        }
      />
    </>
  );
}

type Issued = { invitation: { id: string; email: string }; path: string; emailed: boolean };

/** The one-time link to copy, shown once right after it is made. */
function IssuedLink({ issued }: { issued: Issued }) {
  const link = `${window.location.origin}${issued.path}`;
  const [copied, setCopied] = useState(false);
  return (
    <div className="mt-3 w-full rounded bg-amber-50 p-3 text-amber-950" data-testid="invitation-link">
      <p className="font-medium">
        {issued.emailed ? `Emailed to ${issued.invitation.email}. ` : ""}Copy this one-time link and send it to {issued.invitation.email}; it is not shown again.
      </p>
      <div className="mt-1 flex items-center gap-2">
        <code className="block break-all font-mono text-xs">{link}</code>
        <button type="button" className="shrink-0 rounded border border-amber-400 px-2 py-0.5 text-xs" onClick={() => void navigator.clipboard.writeText(link).then(() => setCopied(true))}>
          {copied ? "Copied" : "Copy"}
        </button>
      </div>
    </div>
  );
}

export function InviteMemberForm({ roles }: { roles: string[] }) {
  const [formKey, setFormKey] = useState(0);
  const mutation = useMemberMutation((input: { email: string; role: string }) => apiFetch<Issued>("/api/v1/invitations", { method: "POST", body: input }));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    mutation.mutate({ email: String(form.get("email")), role: String(form.get("role")) }, { onSuccess: () => setFormKey((k) => k + 1) });
  };
  return (
    <form key={formKey} onSubmit={submit} aria-label="Invite a person" className="mt-6 flex max-w-3xl flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 text-sm">
      <label className="flex flex-col gap-1">
        Email
        <input name="email" type="email" required className="rounded-md border border-slate-300 px-2 py-1" />
      </label>
      <label className="flex flex-col gap-1">
        Role
        <select name="role" defaultValue="reviewer" className="rounded-md border border-slate-300 px-2 py-1">
          {roles.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" disabled={!mutation.ready} className="rounded-md bg-slate-900 px-3 py-1.5 font-medium text-white">
        Invite
      </button>
      <p className="w-full text-xs text-slate-600">The person chooses their own password when they accept; someone who already uses LeadBridge accepts with their own sign-in.</p>
      {mutation.data ? <IssuedLink issued={mutation.data} /> : null}
      {mutation.error ? <p role="alert" className="w-full text-red-700">{mutation.error.message}</p> : null}
    </form>
  );
}

export function InvitationActions({ invitationId, email }: { invitationId: string; email: string }) {
  const [confirming, setConfirming] = useState(false);
  const renew = useMemberMutation(() => apiFetch<Issued>(`/api/v1/invitations/${invitationId}/renew`, { method: "POST" }));
  const revoke = useMemberMutation(() => apiFetch(`/api/v1/invitations/${invitationId}`, { method: "DELETE" }));
  const error = renew.error ?? revoke.error;
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex gap-3">
        <button type="button" onClick={() => renew.mutate(undefined)} disabled={!renew.ready} className={buttonClass("link")} aria-label={`New link for ${email}`}>
          New link
        </button>
        <ConfirmDialog
          open={confirming}
          onOpenChange={setConfirming}
          title={`Withdraw the invitation of ${email}?`}
          description="Its link stops working. Invite them again to send a new one."
          confirmLabel="Withdraw invitation"
          busy={revoke.isPending}
          onConfirm={() => revoke.mutate(undefined, { onSuccess: () => setConfirming(false) })}
          trigger={
            <button type="button" disabled={!revoke.ready} className={buttonClass("link")} aria-label={`Withdraw the invitation of ${email}`}>
              Withdraw
            </button>
          }
        />
      </div>
      {renew.data ? <IssuedLink issued={renew.data} /> : null}
      {error ? <span role="alert" className="text-xs text-red-700">{error.message}</span> : null}
    </div>
  );
}
