// The managers' funnel: the period and breakdown live in the URL (a reload or
// a shared link keeps them); the first report is read on the server, the
// client keeps it and the previous period's for comparison.
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/page-header";
import { requireMember } from "@/lib/auth/page";
import { funnelSelection, presetPeriod, todayIn } from "@/lib/funnel/period";
import { funnelReport } from "@/lib/funnel/queries";
import { FunnelView } from "./funnel-view";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const DEFAULT_PRESET = "last_30_days";

export default async function FunnelPage({ searchParams }: { searchParams: SearchParams }) {
  const { workspace } = await requireMember({ role: "manager" });
  const today = todayIn(workspace.timezone);
  const t = await getTranslations("funnel");
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([key, value]) => [key, [value].flat()[0]]));
  // A hand-edited URL with a bad period shows the default period rather than an error page.
  const report = await funnelReport(workspace.id, funnelSelection(raw, presetPeriod(DEFAULT_PRESET, today)));
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
      />
      <FunnelView workspaceId={workspace.id} timezone={workspace.timezone} today={today} initialReport={report} />
    </>
  );
}
