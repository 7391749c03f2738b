"use client";
// Changing one's own password with the current one. The server ends every
// session of the person and gives this browser a fresh one.
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { apiFetch } from "@/app/_components/api";
import { useHydrated } from "@/app/_components/use-hydrated";

export function PasswordChangeForm({ minLength }: { minLength: number }) {
  const hydrated = useHydrated();
  const [formKey, setFormKey] = useState(0);
  const mutation = useMutation({
    mutationFn: (input: { currentPassword: string; newPassword: string }) => apiFetch("/api/auth/password", { method: "PUT", body: input }),
    onSuccess: () => setFormKey((k) => k + 1),
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    mutation.mutate({ currentPassword: String(form.get("currentPassword")), newPassword: String(form.get("newPassword")) });
  };
  return (
    <form key={formKey} onSubmit={submit} aria-label="Change password" className="flex max-w-md flex-col gap-3 rounded-lg border border-slate-200 bg-white p-6 text-sm">
      <h2 className="text-base font-semibold">Change password</h2>
      <label className="flex flex-col gap-1">
        Current password
        <input name="currentPassword" type="password" autoComplete="current-password" required className="rounded-md border border-slate-300 px-2 py-1" />
      </label>
      <label className="flex flex-col gap-1">
        New password ({minLength}+ characters)
        <input name="newPassword" type="password" autoComplete="new-password" required minLength={minLength} className="rounded-md border border-slate-300 px-2 py-1" />
      </label>
      <button type="submit" disabled={!hydrated || mutation.isPending} className="self-start rounded-md bg-slate-900 px-3 py-1.5 font-medium text-white">
        Change password
      </button>
      <p className="text-xs text-slate-600">Every other browser signed in to your account is signed out.</p>
      {mutation.isSuccess ? <p role="status" className="text-emerald-800">Password changed. Other browsers are signed out.</p> : null}
      {mutation.error ? <p role="alert" className="text-red-700">{mutation.error.message}</p> : null}
    </form>
  );
}
