// Settings -> Privacy (admins): a person's data in this workspace, exported as
// JSON or erased (with their contact in an outside CRM), and how long raw
// WhatsApp payloads are kept.
import { PageHeader } from "@/app/_components/page-header";
import { requireMember } from "@/lib/auth/page";
import { env } from "@/lib/env";
import { PrivacyRequestForm } from "./privacy-request-form";

export default async function PrivacyPage() {
  await requireMember({ role: "admin" });
  return (
    <>
      <PageHeader title="Privacy" description="Answer a person's request about their data: export everything this workspace holds about them, or erase it." />
      <PrivacyRequestForm />
      <p className="mt-6 max-w-2xl text-sm text-slate-600">
        Raw WhatsApp payloads (parked deliveries and the original message objects) are deleted after {env().WEBHOOK_PAYLOAD_RETENTION_DAYS} days
        (<code>WEBHOOK_PAYLOAD_RETENTION_DAYS</code>). Conversations, leads and contacts stay until erased.
      </p>
    </>
  );
}
