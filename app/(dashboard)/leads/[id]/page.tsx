// One lead's review screen on its own page (a link from elsewhere, or a
// reviewer who prefers a full page to the queue's side panel).
import { isUuid } from "@/lib/http/params";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { requireMember } from "@/lib/auth/page";
import { listMembers } from "@/lib/workspaces/members";
import { LeadPageReview } from "./lead-page-review";

export default async function LeadPage({ params }: { params: Promise<{ id: string }> }) {
  const { workspace } = await requireMember({ role: "reviewer" });
  const { id } = await params;
  const t = await getTranslations("queue");
  if (!isUuid(id)) notFound();
  const members = (await listMembers(workspace.id)).map((member) => ({ id: member.userId, email: member.email, name: member.name }));
  return (
    <>
      <Link href="/queue" className="text-sm text-slate-700 underline">
        {t("backToQueue")}
      </Link>
      <div className="mt-4">
        <LeadPageReview proposalId={id} members={members} />
      </div>
    </>
  );
}
