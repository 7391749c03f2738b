// An invitation's one-time link. A new person chooses their password here and
// joins; a person who already has an account signs in with it and accepts
// (signed in as someone else: sign out first). The page says the same for every
// invited email until the person acts.
import Link from "next/link";
import { currentPerson } from "@/lib/auth/page";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/passwords";
import { invitationForToken } from "@/lib/workspaces/invitations";
import { AuthCard, Field, searchParam, SubmitButton } from "../../auth-card";

export const dynamic = "force-dynamic";

const errors: Record<string, string> = {
  invitation_invalid: "This invitation link is not valid any more: ask an admin of the workspace for a new one.",
  account_exists: "This email already has a LeadBridge account: sign in with it, then accept the invitation.",
  invitation_for_another_email: "This invitation is for another email address: sign out, then open the link again.",
  password: `Choose a password of ${MIN_PASSWORD_LENGTH} to 200 characters.`,
  unavailable: "Too many sign-ins at once. Try again in a few seconds.",
};

type Props = { params: Promise<{ token: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function InvitationPage({ params, searchParams }: Props) {
  const { token } = await params;
  const error = errors[searchParam(await searchParams, "error") ?? ""];
  const invitation = await invitationForToken(token);
  if (!invitation || invitation.state !== "pending") {
    const why = !invitation ? "This invitation link is not valid." : invitation.state === "expired" ? "This invitation has expired." : "This invitation was already used or withdrawn.";
    return (
      <AuthCard title="Invitation" alert={why}>
        <p className="mt-4 text-sm text-slate-700">Ask an admin of the workspace for a new link.</p>
      </AuthCard>
    );
  }
  const person = await currentPerson();
  const path = `/invitations/${token}`;
  return (
    <AuthCard title={`Join ${invitation.workspaceName}`} alert={error}>
      <p className="mt-4 text-sm text-slate-700" data-testid="invitation-summary">
        You are invited to <strong>{invitation.workspaceName}</strong> as <strong>{invitation.role}</strong>, as <strong>{invitation.email}</strong>.
      </p>
      {person && person.email === invitation.email ? (
        <form method="post" action="/api/auth/invitations/accept" className="mt-6 flex flex-col gap-4">
          <input type="hidden" name="token" value={token} />
          <SubmitButton>Accept and open {invitation.workspaceName}</SubmitButton>
        </form>
      ) : person ? (
        <div className="mt-6 flex flex-col gap-3 text-sm">
          <p>
            You are signed in as <strong>{person.email}</strong>. Sign out, then open this link again to accept as {invitation.email}.
          </p>
          <form method="post" action="/api/auth/sign-out">
            <SubmitButton>Sign out</SubmitButton>
          </form>
        </div>
      ) : (
        <>
          <form method="post" action="/api/auth/invitations/accept" className="mt-6 flex flex-col gap-4" aria-label="Create your account">
            <input type="hidden" name="token" value={token} />
            <Field label="Your name" name="name" autoComplete="name" required={false} />
            <Field label={`Choose a password (${MIN_PASSWORD_LENGTH}+ characters)`} name="password" type="password" autoComplete="new-password" minLength={MIN_PASSWORD_LENGTH} />
            <SubmitButton>Create my account and join</SubmitButton>
          </form>
          <p className="mt-6 text-sm text-slate-700">
            Already use LeadBridge with this email?{" "}
            <Link href={`/sign-in?next=${encodeURIComponent(path)}`} className="underline">
              Sign in
            </Link>{" "}
            and you come back here to accept.
          </p>
        </>
      )}
    </AuthCard>
  );
}
