import { EmptyState } from "@/app/_components/empty-state";
import { PageHeader } from "@/app/_components/page-header";
import { listContacts } from "@/lib/contacts/queries";
import { currentWorkspace } from "@/lib/workspaces/current";

export default async function ContactsPage() {
  const workspace = await currentWorkspace();
  const contacts = workspace ? await listContacts(workspace.id) : [];
  return (
    <>
      <PageHeader title="Contacts" description="Prospects in the internal CRM, created when a reviewer approves a lead." />
      {contacts.length === 0 ? (
        <EmptyState title="No contacts yet">Approve a proposed lead in the queue and its contact appears here.</EmptyState>
      ) : (
        <table className="w-full rounded-lg border border-slate-200 bg-white text-sm">
          <thead className="bg-slate-100 text-left text-slate-700">
            <tr>
              <th scope="col" className="px-4 py-2">Name</th>
              <th scope="col" className="px-4 py-2">Email</th>
              <th scope="col" className="px-4 py-2">Phone</th>
              <th scope="col" className="px-4 py-2">Company</th>
              <th scope="col" className="px-4 py-2">Lead score</th>
              <th scope="col" className="px-4 py-2">Owner</th>
            </tr>
          </thead>
          <tbody>
            {contacts.map((contact) => (
              <tr key={contact.id} id={`contact-${contact.id}`} className="border-t border-slate-100 target:bg-amber-50">
                <td className="px-4 py-2 font-medium">{contact.name}</td>
                <td className="px-4 py-2">{contact.email ?? "—"}</td>
                <td className="px-4 py-2">{contact.phoneE164 ?? "—"}</td>
                <td className="px-4 py-2">{contact.company ?? "—"}</td>
                <td className="px-4 py-2">{contact.leadScore ?? "—"}</td>
                <td className="px-4 py-2">{contact.owner ? (contact.owner.name ?? contact.owner.email) : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
