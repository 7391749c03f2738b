// The sign-in page: a plain form posting to /api/auth/sign-in (works without
// JavaScript), in the reader's language. Shows the demo login while the local
// demo workspace exists, never in production (lib/demo/login.ts).
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentMember } from "@/lib/auth/page";
import { demoLoginToShow } from "@/lib/demo/login";
import { safeRedirectPath } from "@/lib/http/safe-redirect";
import { AuthCard, Field, searchParam, SubmitButton } from "../auth-card";

export const dynamic = "force-dynamic";

// The sign-in route's error codes (?error=...), worded under "signIn.errors".
const ERROR_CODES = ["invalid", "rate_limited", "unavailable"] as const;

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const next = safeRedirectPath(searchParam(params, "next"));
  if (await currentMember()) redirect(next);
  const t = await getTranslations("signIn");
  const errorCode = ERROR_CODES.find((code) => code === searchParam(params, "error"));
  const demo = await demoLoginToShow();
  return (
    <AuthCard title={t("title")} alert={errorCode ? t(`errors.${errorCode}`) : undefined}>
      <form method="post" action="/api/auth/sign-in" className="mt-6 flex flex-col gap-4">
        <input type="hidden" name="next" value={next} />
        <Field label={t("email")} name="email" type="email" autoComplete="username" />
        <Field label={t("password")} name="password" type="password" autoComplete="current-password" />
        <SubmitButton>{t("submit")}</SubmitButton>
      </form>
      <p className="mt-4 text-sm">
        <Link href="/password-reset" className="underline">
          {t("forgotPassword")}
        </Link>
      </p>
      {demo ? (
        <p className="mt-6 rounded bg-sky-50 px-3 py-2 text-xs text-sky-900" data-testid="demo-login">
          {t("demo")} <strong>{demo.email}</strong> / <strong>{demo.password}</strong>
        </p>
      ) : null}
    </AuthCard>
  );
}
