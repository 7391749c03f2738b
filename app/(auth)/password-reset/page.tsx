// Asking for a password reset link. The answer is the same for every email; the
// link arrives by email when this server can send email, otherwise an operator
// makes one (`npm run -s password:reset-link`).
import { mailConfigured } from "@/lib/mail/mailer";
import { RESET_LINK_MINUTES } from "@/lib/auth/password-changes";
import { AuthCard, Field, searchParam, SubmitButton } from "../auth-card";

export const dynamic = "force-dynamic";

const errors: Record<string, string> = {
  email: "Enter the email you sign in with.",
  link: "This reset link is not valid any more: ask for a new one.",
};

export default async function PasswordResetRequestPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const sent = searchParam(params, "sent") === "1";
  const error = errors[searchParam(params, "error") ?? ""];
  if (!mailConfigured()) {
    return (
      <AuthCard title="Reset your password" alert={error}>
        <p className="mt-4 text-sm text-slate-700">This server does not send email. Ask the person who runs LeadBridge for a reset link.</p>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Reset your password" alert={error} notice={sent ? `If an account has this email, a link to choose a new password is on its way. It works once, for ${RESET_LINK_MINUTES} minutes.` : null}>
      <form method="post" action="/api/auth/password-reset" className="mt-6 flex flex-col gap-4">
        <Field label="Email" name="email" type="email" autoComplete="username" />
        <SubmitButton>Send me a link</SubmitButton>
      </form>
    </AuthCard>
  );
}
