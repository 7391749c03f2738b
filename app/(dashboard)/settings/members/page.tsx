// Members of the active workspace and their roles, and pending invitations; admins only.
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/page-header";
import { DateTimeText } from "@/app/_components/time";
import { requireMember } from "@/lib/auth/page";
import { ROLES } from "@/lib/auth/roles";
import { listPendingInvitations } from "@/lib/workspaces/invitations";
import { listMembers } from "@/lib/workspaces/members";
import { InvitationActions, InviteMemberForm, MemberRoleSelect, RemoveMemberButton } from "./member-actions";

export default async function MembersPage() {
  const { workspace, principal } = await requireMember({ role: "admin" });
  const [members, invitations] = await Promise.all([listMembers(workspace.id), listPendingInvitations(workspace.id)]);
  const t = await getTranslations("memberSettings");
  const roleWords = await getTranslations("roles");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <table className="w-full rounded-lg border border-slate-200 bg-white text-sm" data-testid="members-table">
        <thead className="bg-slate-100 text-left text-slate-700">
          <tr>
            <th scope="col" className="px-4 py-2">{t("email")}</th>
            <th scope="col" className="px-4 py-2">{t("role")}</th>
            <th scope="col" className="px-4 py-2"><span className="sr-only">{t("actions")}</span></th>
          </tr>
        </thead>
        <tbody>
          {members.map((member) => (
            <tr key={member.membershipId} className="border-t border-slate-100">
              <td className="px-4 py-2 font-medium">
                {member.email}
                {member.userId === principal.userId ? <span className="ml-2 text-xs text-slate-600">{t("you")}</span> : null}
              </td>
              <td className="px-4 py-2">
                <MemberRoleSelect membershipId={member.membershipId} email={member.email} role={member.role} roles={[...ROLES]} />
              </td>
              <td className="px-4 py-2 text-right">
                <RemoveMemberButton membershipId={member.membershipId} email={member.email} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {invitations.length > 0 ? (
        <section aria-label={t("invitations")} className="mt-6">
          <h2 className="mb-2 text-sm font-semibold text-slate-800">{t("invitationsCount", { count: invitations.length })}</h2>
          <table className="w-full rounded-lg border border-slate-200 bg-white text-sm" data-testid="invitations-table">
            <thead className="bg-slate-100 text-left text-slate-700">
              <tr>
                <th scope="col" className="px-4 py-2">{t("email")}</th>
                <th scope="col" className="px-4 py-2">{t("role")}</th>
                <th scope="col" className="px-4 py-2">{t("linkColumn")}</th>
                <th scope="col" className="px-4 py-2"><span className="sr-only">{t("actions")}</span></th>
              </tr>
            </thead>
            <tbody>
              {invitations.map((invitation) => (
                <tr key={invitation.id} className="border-t border-slate-100 align-top">
                  <td className="px-4 py-2 font-medium">{invitation.email}</td>
                  <td className="px-4 py-2">{roleWords.has(invitation.role) ? roleWords(invitation.role) : invitation.role}</td>
                  <td className="px-4 py-2 text-slate-600">{invitation.expired ? t("expired") : <>{t("validUntil")} <DateTimeText iso={invitation.expiresAt.toISOString()} /></>}</td>
                  <td className="px-4 py-2 text-right">
                    <InvitationActions invitationId={invitation.id} email={invitation.email} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
      <InviteMemberForm roles={[...ROLES]} />
    </>
  );
}
