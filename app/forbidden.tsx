// The 403 page: shown when a signed-in person's role in the active workspace
// is too low for a page (requireMember), or they belong to no workspace.
import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function Forbidden() {
  const t = await getTranslations();
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="max-w-md rounded-lg border border-slate-200 bg-white p-8 text-center">
        <h1 className="text-2xl font-semibold">{t("forbidden.title")}</h1>
        <p className="mt-2 text-sm text-slate-600">
          {t("forbidden.body")}
        </p>
        <div className="mt-6 flex justify-center gap-4 text-sm">
          <Link href="/queue" className="font-medium text-slate-900 underline">
            {t("forbidden.back")}
          </Link>
          <form method="post" action="/api/auth/sign-out">
            <button type="submit" className="font-medium text-slate-900 underline">
              {t("nav.signOut")}
            </button>
          </form>
        </div>
      </div>
    </main>
  );
}
