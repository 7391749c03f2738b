"use client";
// Admins' member controls: add a person, change a role, remove a member. Each
// calls /api/v1/members and re-renders the server list.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { apiFetch } from "@/app/_components/api";
import { buttonClass } from "@/app/_components/ui/button";
import { ConfirmDialog } from "@/app/_components/ui/confirm-dialog";
import { useHydrated } from "@/app/_components/use-hydrated";

/** A member change that re-renders the server list; `ready` is false until it can run. */
function useMemberMutation<T>(fn: (input: T) => Promise<unknown>) {
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
        description="They are signed out of this workspace and can no longer see it. Add them again to give access back."
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

export function AddMemberForm({ roles }: { roles: string[] }) {
  const [formKey, setFormKey] = useState(0);
  const mutation = useMemberMutation((input: { email: string; role: string; password?: string }) => apiFetch("/api/v1/members", { method: "POST", body: input }));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get("password") ?? "");
    mutation.mutate(
      { email: String(form.get("email")), role: String(form.get("role")), ...(password ? { password } : {}) },
      { onSuccess: () => setFormKey((k) => k + 1) },
    );
  };
  return (
    <form key={formKey} onSubmit={submit} className="mt-6 flex max-w-3xl flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 text-sm">
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
      <label className="flex flex-col gap-1">
        Initial password (new people only)
        <input name="password" type="password" autoComplete="new-password" minLength={10} className="rounded-md border border-slate-300 px-2 py-1" />
      </label>
      <button type="submit" disabled={!mutation.ready} className="rounded-md bg-slate-900 px-3 py-1.5 font-medium text-white">
        Add member
      </button>
      {mutation.error ? <p role="alert" className="w-full text-red-700">{mutation.error.message}</p> : null}
    </form>
  );
}
