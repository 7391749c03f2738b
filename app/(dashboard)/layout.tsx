import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { AdminStatusStrip } from "@/app/_components/admin-status-strip";
import { BackgroundWorkNotice } from "@/app/_components/background-work-notice";
import { NavLink } from "@/app/_components/nav-link";
import { NotificationBell } from "@/app/_components/notification-bell";
import { ViewerTimeZoneProvider } from "@/app/_components/time";
import { WorkspaceSwitcher } from "@/app/_components/workspace-switcher";
import { Providers } from "@/app/providers";
import { viewerTimeZone } from "@/lib/account/preferences";
import { requireMember } from "@/lib/auth/page";
import { hasRole, type Role } from "@/lib/auth/roles";
import { WORKSPACE_META_NAME } from "@/lib/http/workspace-header";

// Every dashboard page reads the database at request time.
export const dynamic = "force-dynamic";

// The lowest role that sees each section; pages check it again (requireMember).
// Labels are catalog keys under "nav" (messages/*.json).
const sections: { href: string; label: "queue" | "contacts" | "followUps" | "funnel" | "settings"; role: Role }[] = [
  { href: "/queue", label: "queue", role: "reviewer" },
  { href: "/contacts", label: "contacts", role: "reviewer" },
  { href: "/follow-ups", label: "followUps", role: "reviewer" },
  { href: "/funnel", label: "funnel", role: "manager" },
  { href: "/settings", label: "settings", role: "manager" },
];

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const member = await requireMember();
  const role = member.principal.role;
  const timezone = await viewerTimeZone(member.principal.userId, member.workspace.timezone);
  const t = await getTranslations();
  return (
    <Providers>
      {/* The workspace this page shows: the API client sends it with every call (app/_components/api.ts). */}
      <meta name={WORKSPACE_META_NAME} content={member.workspace.id} />
      <ViewerTimeZoneProvider zone={timezone}>
      {/* A phone gets the navigation as a bar on top; from 768 px it is a sidebar, slimmer below 1536 px so the queue keeps its room. */}
      <div className="flex min-h-screen flex-col md:flex-row">
        <aside className="flex shrink-0 flex-col border-b border-slate-200 bg-white p-3 md:w-48 md:border-r md:border-b-0 md:p-4 2xl:w-56">
          <div className="mb-3 md:mb-6">
            <div className="text-lg font-bold">LeadBridge</div>
            <div className="text-xs text-slate-600" data-testid="workspace-name">
              {member.workspace.name}
            </div>
            <WorkspaceSwitcher activeWorkspaceId={member.workspace.id} workspaces={member.workspaces} />
            <NotificationBell workspaceId={member.workspace.id} />
          </div>
          <nav aria-label={t("nav.label")} className="flex flex-row flex-wrap gap-1 md:flex-col">
            {sections
              .filter((section) => hasRole(role, section.role))
              .map((section) => (
                <NavLink key={section.href} href={section.href}>
                  {t(`nav.${section.label}`)}
                </NavLink>
              ))}
          </nav>
          <div className="mt-3 border-t border-slate-200 pt-3 text-xs text-slate-700 md:mt-auto md:pt-4">
            <div data-testid="signed-in-as">{member.email}</div>
            <div>{t(`roles.${role}`)}</div>
            <Link href="/account" className="mt-1 block underline">
              {t("nav.yourSettings")}
            </Link>
            <form method="post" action="/api/auth/sign-out" className="mt-2">
              <button type="submit" className="font-medium text-slate-900 underline">
                {t("nav.signOut")}
              </button>
            </form>
          </div>
        </aside>
        <main className="min-w-0 flex-1 p-3 md:p-4 2xl:p-8">
          {hasRole(role, "admin") && <AdminStatusStrip workspaceId={member.workspace.id} />}
          <BackgroundWorkNotice workspaceId={member.workspace.id} />
          {children}
        </main>
      </div>
      </ViewerTimeZoneProvider>
    </Providers>
  );
}
