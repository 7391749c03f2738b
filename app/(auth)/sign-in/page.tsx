// The sign-in page: a plain form posting to /api/auth/sign-in (works without
// JavaScript). Shows the demo login while the local demo workspace exists, never
// in production (lib/demo/login.ts).
import { redirect } from "next/navigation";
import { currentMember } from "@/lib/auth/page";
import { demoLoginToShow } from "@/lib/demo/login";
import { safeRedirectPath } from "@/lib/http/safe-redirect";

export const dynamic = "force-dynamic";

const errors: Record<string, string> = {
  invalid: "The email or password is wrong.",
  rate_limited: "Too many failed sign-ins. Try again in 15 minutes.",
  unavailable: "Too many sign-ins at once. Try again in a few seconds.",
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  if (await currentMember()) redirect("/queue");
  const params = await searchParams;
  const error = typeof params.error === "string" ? errors[params.error] : undefined;
  const next = safeRedirectPath(params.next);
  const demo = await demoLoginToShow();
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="text-2xl font-semibold tracking-tight">Sign in to LeadBridge</h1>
        {error ? (
          <p role="alert" className="mt-4 rounded bg-red-50 px-3 py-2 text-sm text-red-900">
            {error}
          </p>
        ) : null}
        <form method="post" action="/api/auth/sign-in" className="mt-6 flex flex-col gap-4">
          <input type="hidden" name="next" value={next} />
          <label className="flex flex-col gap-1 text-sm font-medium">
            Email
            <input name="email" type="email" autoComplete="username" required className="rounded-md border border-slate-300 px-3 py-2 font-normal" />
          </label>
          <label className="flex flex-col gap-1 text-sm font-medium">
            Password
            <input name="password" type="password" autoComplete="current-password" required className="rounded-md border border-slate-300 px-3 py-2 font-normal" />
          </label>
          <button type="submit" className="rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700">
            Sign in
          </button>
        </form>
        {demo ? (
          <p className="mt-6 rounded bg-sky-50 px-3 py-2 text-xs text-sky-900" data-testid="demo-login">
            Local demo: <strong>{demo.email}</strong> / <strong>{demo.password}</strong>
          </p>
        ) : null}
      </div>
    </main>
  );
}
