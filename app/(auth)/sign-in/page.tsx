// The sign-in page: a plain form posting to /api/auth/sign-in (works without
// JavaScript). Shows the demo login while the local demo workspace exists, never
// in production (lib/demo/login.ts).
import Link from "next/link";
import { redirect } from "next/navigation";
import { currentMember } from "@/lib/auth/page";
import { demoLoginToShow } from "@/lib/demo/login";
import { safeRedirectPath } from "@/lib/http/safe-redirect";
import { AuthCard, Field, searchParam, SubmitButton } from "../auth-card";

export const dynamic = "force-dynamic";

const errors: Record<string, string> = {
  invalid: "The email or password is wrong.",
  rate_limited: "Too many failed sign-ins. Try again in 15 minutes.",
  unavailable: "Too many sign-ins at once. Try again in a few seconds.",
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const next = safeRedirectPath(searchParam(params, "next"));
  if (await currentMember()) redirect(next);
  const error = errors[searchParam(params, "error") ?? ""];
  const demo = await demoLoginToShow();
  return (
    <AuthCard title="Sign in to LeadBridge" alert={error}>
      <form method="post" action="/api/auth/sign-in" className="mt-6 flex flex-col gap-4">
        <input type="hidden" name="next" value={next} />
        <Field label="Email" name="email" type="email" autoComplete="username" />
        <Field label="Password" name="password" type="password" autoComplete="current-password" />
        <SubmitButton>Sign in</SubmitButton>
      </form>
      <p className="mt-4 text-sm">
        <Link href="/password-reset" className="underline">
          Forgot your password?
        </Link>
      </p>
      {demo ? (
        <p className="mt-6 rounded bg-sky-50 px-3 py-2 text-xs text-sky-900" data-testid="demo-login">
          Local demo: <strong>{demo.email}</strong> / <strong>{demo.password}</strong>
        </p>
      ) : null}
    </AuthCard>
  );
}
