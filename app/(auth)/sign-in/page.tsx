// The sign-in page: a plain form posting to /api/auth/sign-in (works without
// JavaScript). Shows the demo login while the local demo workspace exists.
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentMember } from "@/lib/auth/page";
import { DEMO_LOGIN } from "@/lib/demo/login";
import { demoWorkspaceExists } from "@/lib/workspaces/summary";

export const dynamic = "force-dynamic";

// The sign-in route's error codes (?error=...), worded under "signIn.errors".
const ERROR_CODES = ["invalid", "rate_limited"] as const;

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  if (await currentMember()) redirect("/queue");
  const params = await searchParams;
  const t = await getTranslations("signIn");
  const errorCode = ERROR_CODES.find((code) => code === params.error);
  const error = errorCode ? t(`errors.${errorCode}`) : undefined;
  const next = typeof params.next === "string" && params.next.startsWith("/") && !params.next.startsWith("//") ? params.next : "/queue";
  const showDemo = await demoWorkspaceExists();
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        {error ? (
          <p role="alert" className="mt-4 rounded bg-red-50 px-3 py-2 text-sm text-red-900">
            {error}
          </p>
        ) : null}
        <form method="post" action="/api/auth/sign-in" className="mt-6 flex flex-col gap-4">
          <input type="hidden" name="next" value={next} />
          <label className="flex flex-col gap-1 text-sm font-medium">
            {t("email")}
            <input name="email" type="email" autoComplete="username" required className="rounded-md border border-slate-300 px-3 py-2 font-normal" />
          </label>
          <label className="flex flex-col gap-1 text-sm font-medium">
            {t("password")}
            <input name="password" type="password" autoComplete="current-password" required className="rounded-md border border-slate-300 px-3 py-2 font-normal" />
          </label>
          <button type="submit" className="rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700">
            {t("submit")}
          </button>
        </form>
        {showDemo ? (
          <p className="mt-6 rounded bg-sky-50 px-3 py-2 text-xs text-sky-900" data-testid="demo-login">
            {t("demo")} <strong>{DEMO_LOGIN.email}</strong> / <strong>{DEMO_LOGIN.password}</strong>
          </p>
        ) : null}
      </div>
    </main>
  );
}
