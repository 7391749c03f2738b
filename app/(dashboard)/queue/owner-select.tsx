"use client";
// The lead's owner in the review screen: reviewers give the lead to another
// member of the workspace, or to nobody (PUT /api/v1/leads/{id}/owner).
import { useMutation, useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/app/_components/api";
import type { LeadOwnerOption } from "@/lib/owners/assign";
import { ownerKeys } from "@/lib/owners/query-keys";

export function OwnerSelect({ proposalId, ownerId, onChanged }: { proposalId: string; ownerId: string | null; onChanged: () => Promise<unknown> }) {
  const owners = useQuery({ queryKey: ownerKeys.options(), queryFn: () => apiFetch<{ owners: LeadOwnerOption[] }>("/api/v1/lead-owners") });
  const change = useMutation({
    mutationFn: (next: string | null) => apiFetch(`/api/v1/leads/${proposalId}/owner`, { method: "PUT", body: { ownerId: next } }),
    onSuccess: onChanged,
  });
  const options = owners.data?.owners ?? [];
  return (
    <div className="flex items-center gap-2 text-sm">
      <label htmlFor={`owner-${proposalId}`} className="text-slate-700">Owner</label>
      <select
        id={`owner-${proposalId}`}
        data-testid="lead-owner"
        value={ownerId ?? ""}
        disabled={!owners.data || change.isPending}
        onChange={(event) => change.mutate(event.target.value || null)}
        className="rounded border border-slate-300 px-2 py-1"
      >
        <option value="">Nobody</option>
        {options.map((owner) => (
          <option key={owner.userId} value={owner.userId}>
            {owner.name ?? owner.email}
          </option>
        ))}
      </select>
      {change.isError && <span role="alert" className="text-red-800">{change.error.message}</span>}
    </div>
  );
}
