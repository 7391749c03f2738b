// The Follow-ups page: first paint from the server, then a client board that
// filters (status, owner, due days) and refetches after a person reschedules
// or cancels (FollowUpsBoard).
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/page-header";
import { requireMember } from "@/lib/auth/page";
import { viewerTimeZone } from "@/lib/account/preferences";
import { listFollowUps, toFollowUpRowData } from "@/lib/followups/queries";
import { FollowUpsBoard } from "./follow-ups-board";

export default async function FollowUpsPage() {
  const { workspace, principal } = await requireMember({ role: "reviewer" });
  const timezone = await viewerTimeZone(principal.userId, workspace.timezone);
  const t = await getTranslations("followUps");
  const rows = await listFollowUps(workspace.id, { viewer: { userId: principal.userId, timezone } });
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <FollowUpsBoard workspaceId={workspace.id} initialRows={rows.map(toFollowUpRowData)} />
    </>
  );
}
