// The settings hub: one link per settings page (each checks its own role), and
// the catalog and intent bands form for admins. A page with a `key` takes its title and description from the
// catalogs ("settings.pages.<key>"), else shows its own.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/page-header";
import { requireMember } from "@/lib/auth/page";
import { hasRole, type Role } from "@/lib/auth/roles";
import { crmConnectionView } from "@/lib/crm/connections";
import { workspaceSettings } from "@/lib/workspaces/settings";
import { listWhatsAppNumbers } from "@/lib/workspaces/whatsapp-numbers";
import { WorkspaceSettingsForm } from "./workspace-settings-form";

const PAGES: { href: string; key?: string; title: string; description: string; role: Role }[] = [
  { href: "/settings/workspace", key: "workspace", title: "Workspace", description: "Business name, country, time zone, business hours, idle gap, quiet period, languages, notifications.", role: "manager" },
  { href: "/settings/whatsapp", key: "whatsapp", title: "WhatsApp numbers", description: "Numbers routed to this workspace, and parked deliveries of unknown numbers.", role: "manager" },
  { href: "/settings/members", key: "members", title: "Members", description: "Who can sign in, and their roles.", role: "admin" },
  { href: "/settings/api-keys", key: "apiKeys", title: "API keys", description: "Keys for chatbot imports and score pushes.", role: "admin" },
  { href: "/settings/crm", key: "crm", title: "CRM", description: "The workspace's own HubSpot account (or the internal CRM), how leads map onto it, who owns new leads.", role: "admin" },
  { href: "/settings/privacy", key: "privacy", title: "Privacy", description: "Export or erase a person's data; how long raw WhatsApp payloads are kept.", role: "admin" },
];

export default async function SettingsPage() {
  const { workspace, principal } = await requireMember({ role: "manager" });
  const isAdmin = hasRole(principal.role, "admin");
  const [settings, numbers, crm] = await Promise.all([isAdmin ? workspaceSettings(workspace.id) : null, listWhatsAppNumbers(workspace.id), crmConnectionView(workspace.id)]);
  const t = await getTranslations("settings");
  const routedHere = numbers.map((number) => `${number.displayPhoneNumber ?? "?"} (${number.phoneNumberId})`).join(", ") || t("noNumbers");
  const crmNow = crm.provider === "internal" ? t("internalCrm") : t("hubspotAccount", { name: crm.account.name ?? t("account"), portal: crm.account.accountId });
  return (
    <>
      <PageHeader title={t("title")} description={t("description", { workspace: workspace.name })} />
      <nav aria-label={t("nav")} className="grid max-w-3xl gap-3 sm:grid-cols-2">
        {PAGES.filter((page) => hasRole(principal.role, page.role)).map((page) => (
          <Link key={page.href} href={page.href} className="rounded-lg border border-slate-200 bg-white p-4 text-sm hover:border-slate-400">
            <span className="block font-semibold">{page.key ? t(`pages.${page.key}.title`) : page.title}</span>
            <span className="text-slate-600">{page.key ? t(`pages.${page.key}.description`) : page.description}</span>
            {page.href === "/settings/whatsapp" ? <span className="mt-1 block text-slate-700">{t("routedHere", { numbers: routedHere })}</span> : null}
            {page.href === "/settings/crm" ? <span className="mt-1 block text-slate-700">{t("leadsGoTo", { crm: crmNow })}</span> : null}
          </Link>
        ))}
      </nav>
      {settings && <WorkspaceSettingsForm initial={settings} />}
    </>
  );
}
