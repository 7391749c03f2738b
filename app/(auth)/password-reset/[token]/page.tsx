// A password reset link: choose a new password (every session of the account
// ends; this browser is signed in).
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/passwords";
import { resetLinkIsValid } from "@/lib/auth/password-changes";
import { AuthCard, Field, searchParam, SubmitButton } from "../../auth-card";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ token: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PasswordResetPage({ params, searchParams }: Props) {
  const { token } = await params;
  if (!(await resetLinkIsValid(token))) {
    return <AuthCard title="Reset your password" alert="This reset link is not valid any more: ask for a new one." />;
  }
  const error = searchParam(await searchParams, "error") === "password" ? `Choose a password of ${MIN_PASSWORD_LENGTH} to 200 characters.` : null;
  return (
    <AuthCard title="Choose a new password" alert={error}>
      <form method="post" action="/api/auth/password-reset/complete" className="mt-6 flex flex-col gap-4">
        <input type="hidden" name="token" value={token} />
        <Field label={`New password (${MIN_PASSWORD_LENGTH}+ characters)`} name="password" type="password" autoComplete="new-password" minLength={MIN_PASSWORD_LENGTH} />
        <SubmitButton>Set password and sign in</SubmitButton>
      </form>
      <p className="mt-4 text-xs text-slate-600">Every browser signed in to this account is signed out.</p>
    </AuthCard>
  );
}
