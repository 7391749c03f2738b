"use client";
// Lets a person who belongs to several workspaces make another one active on
// their session, then reopens the queue in it.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { apiFetch } from "./api";
import { useProblemText } from "./problem-text";
import { useHydrated } from "./use-hydrated";

type Props = { activeWorkspaceId: string; workspaces: { id: string; name: string; role: string }[] };

function switchWorkspace(workspaceId: string): Promise<unknown> {
  return apiFetch("/api/v1/session/workspace", { method: "PUT", body: { workspaceId } });
}

export function WorkspaceSwitcher({ activeWorkspaceId, workspaces }: Props) {
  const router = useRouter();
  const hydrated = useHydrated();
  const t = useTranslations();
  const problemText = useProblemText();
  const mutation = useMutation({
    mutationFn: switchWorkspace,
    onSuccess: () => {
      router.push("/queue");
      router.refresh();
    },
  });
  if (workspaces.length < 2) return null;
  return (
    <label className="mt-3 flex flex-col gap-1 text-xs text-slate-600">
      {t("workspaceSwitcher.label")}
      <select
        aria-label={t("workspaceSwitcher.select")}
        value={activeWorkspaceId}
        disabled={!hydrated || mutation.isPending}
        onChange={(event) => mutation.mutate(event.target.value)}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900"
      >
        {workspaces.map((workspace) => (
          <option key={workspace.id} value={workspace.id}>
            {t("workspaceSwitcher.option", { name: workspace.name, role: t(`roles.${workspace.role}`) })}
          </option>
        ))}
      </select>
      {mutation.error ? <span role="alert" className="text-red-700">{problemText(mutation.error)}</span> : null}
    </label>
  );
}
