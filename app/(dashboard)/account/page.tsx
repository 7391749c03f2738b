// The signed-in person's own account: their email and a password change (every
// other browser signed in to the account is signed out).
import { PageHeader } from "@/app/_components/page-header";
import { requireMember } from "@/lib/auth/page";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/passwords";
import { PasswordChangeForm } from "./password-change-form";

export default async function AccountPage() {
  const member = await requireMember();
  return (
    <>
      <PageHeader title="Your account" description={`Signed in as ${member.email}.`} />
      <PasswordChangeForm minLength={MIN_PASSWORD_LENGTH} />
    </>
  );
}
