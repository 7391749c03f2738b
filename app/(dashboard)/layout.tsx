import type { ReactNode } from "react";
import { NavLink } from "@/app/_components/nav-link";
import { Providers } from "@/app/providers";
import { currentWorkspace } from "@/lib/workspaces/current";

// Every dashboard page reads the database at request time.
export const dynamic = "force-dynamic";

const sections = [
  { href: "/queue", label: "Queue" },
  { href: "/contacts", label: "Contacts" },
  { href: "/follow-ups", label: "Follow-ups" },
  { href: "/funnel", label: "Funnel" },
  { href: "/settings", label: "Settings" },
];

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const workspace = await currentWorkspace();
  return (
    <Providers>
      <div className="flex min-h-screen">
        <aside className="w-56 shrink-0 border-r border-slate-200 bg-white p-4">
          <div className="mb-6">
            <div className="text-lg font-bold">LeadBridge</div>
            <div className="text-xs text-slate-600" data-testid="workspace-name">
              {workspace?.name ?? "No workspace yet"}
            </div>
          </div>
          <nav aria-label="Main" className="flex flex-col gap-1">
            {sections.map((section) => (
              <NavLink key={section.href} href={section.href}>
                {section.label}
              </NavLink>
            ))}
          </nav>
        </aside>
        <main className="flex-1 p-8">{children}</main>
      </div>
    </Providers>
  );
}
