"use client";
// The review screen on a page of its own: the same LeadReview as the queue's
// pane, with the undo bar for its decision and links to other leads.
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { leadKeys } from "@/lib/leads/query-keys";
import { LeadReview } from "../../queue/lead-review";
import type { Member } from "../../queue/queue-columns";
import { UndoBar, type UndoableAction } from "../../queue/undo-bar";

export function LeadPageReview({ proposalId, members }: { proposalId: string; members: Member[] }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [lastAction, setLastAction] = useState<UndoableAction | null>(null);
  return (
    <>
      {lastAction && (
        <UndoBar
          key={lastAction.deadline}
          action={lastAction}
          onUndone={() => {
            setLastAction(null);
            void queryClient.invalidateQueries({ queryKey: leadKeys.all });
          }}
          onDismiss={() => setLastAction(null)}
        />
      )}
      <LeadReview proposalId={proposalId} members={members} onDecided={(_id, action) => setLastAction(action)} onOpenLead={(id) => router.push(`/leads/${id}`)} />
    </>
  );
}
