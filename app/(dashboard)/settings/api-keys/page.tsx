// The active workspace's API keys for machines (chatbot imports, score pushes);
// admins only. A new key is shown once.
import { PageHeader } from "@/app/_components/page-header";
import { listApiKeys } from "@/lib/auth/api-keys";
import { requireMember } from "@/lib/auth/page";
import { CreateApiKeyForm, RevokeApiKeyButton } from "./api-key-actions";

const when = (date: Date | null) => (date ? `${date.toISOString().slice(0, 16).replace("T", " ")} UTC` : "never");

export default async function ApiKeysPage() {
  const { workspace } = await requireMember({ role: "admin" });
  const keys = await listApiKeys(workspace.id);
  return (
    <>
      <PageHeader title="API keys" description="Machines send one as `Authorization: Bearer <key>`. Only a hash is stored: copy a new key when it is shown." />
      <CreateApiKeyForm />
      <table className="mt-6 w-full rounded-lg border border-slate-200 bg-white text-sm" data-testid="api-keys-table">
        <thead className="bg-slate-100 text-left text-slate-700">
          <tr>
            <th scope="col" className="px-4 py-2">Name</th>
            <th scope="col" className="px-4 py-2">Key starts with</th>
            <th scope="col" className="px-4 py-2">Created</th>
            <th scope="col" className="px-4 py-2">Last used</th>
            <th scope="col" className="px-4 py-2"><span className="sr-only">Status</span></th>
          </tr>
        </thead>
        <tbody>
          {keys.map((key) => (
            <tr key={key.id} className="border-t border-slate-100">
              <td className="px-4 py-2 font-medium">{key.name}</td>
              <td className="px-4 py-2 font-mono">{key.prefix}…</td>
              <td className="px-4 py-2">{when(key.createdAt)}</td>
              <td className="px-4 py-2">{when(key.lastUsedAt)}</td>
              <td className="px-4 py-2 text-right">{key.revokedAt ? `revoked ${when(key.revokedAt)}` : <RevokeApiKeyButton id={key.id} name={key.name} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
