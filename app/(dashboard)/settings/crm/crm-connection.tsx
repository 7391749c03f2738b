"use client";
// Settings -> CRM, the account: connect the workspace's own HubSpot account with
// a private app's token (tested first; never shown again once saved), test the
// connection (the account and its API limits, or HubSpot's error in words),
// replace the token, or go back to the internal CRM.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { apiFetch } from "@/app/_components/api";
import { useProblemText } from "@/app/_components/problem-text";
import { DateTimeText } from "@/app/_components/time";
import type { Jsonified } from "@/app/_components/jsonified";
import { buttonClass } from "@/app/_components/ui/button";
import { ConfirmDialog } from "@/app/_components/ui/confirm-dialog";
import { useHydrated } from "@/app/_components/use-hydrated";
import type { CrmConnectionView, CrmTestResult } from "@/lib/crm/connections";
import type { CrmAccount } from "@/lib/crm/types";

export type ConnectionData = Jsonified<CrmConnectionView>;

function AccountDetails({ account }: { account: CrmAccount }) {
  const t = useTranslations("crmSettings.account");
  const locale = useLocale();
  const { limits } = account;
  return (
    <dl className="grid grid-cols-3 gap-x-4 gap-y-1" data-testid="crm-account">
      <dt className="text-slate-600">{t("name")}</dt>
      <dd className="col-span-2 font-medium">{account.name ?? t("noName")}</dd>
      <dt className="text-slate-600">{t("portal")}</dt>
      <dd className="col-span-2">{account.accountId}</dd>
      <dt className="text-slate-600">{t("timeZone")}</dt>
      <dd className="col-span-2">{account.timeZone ?? "—"}</dd>
      <dt className="text-slate-600">{t("limits")}</dt>
      <dd className="col-span-2" data-testid="crm-limits">
        {t("per10s", { requests: limits.requestsPer10s ?? "?" })}
        {limits.dailyLimit !== null ? `; ${t("perDay", { requests: limits.dailyLimit.toLocaleString(locale) })}` : ""}
        {limits.dailyRemaining !== null ? ` ${t("leftToday", { requests: limits.dailyRemaining.toLocaleString(locale) })}` : ""}
      </dd>
    </dl>
  );
}

function TestOutcome({ result }: { result: CrmTestResult }) {
  const t = useTranslations("crmSettings");
  if (!result.ok) {
    return (
      <p role="alert" className="rounded bg-red-50 p-2 text-red-900" data-testid="crm-test-error">
        {result.error}
      </p>
    );
  }
  return (
    <div role="status" className="grid gap-2 rounded bg-emerald-50 p-3 text-emerald-950">
      <p className="font-medium">{t("works")}</p>
      <AccountDetails account={result.account} />
    </div>
  );
}

/** The token form: test it without saving, or save it (HubSpot is asked first; a refused token is not kept). */
function TokenForm({ replacing, onDone }: { replacing: boolean; onDone: () => void }) {
  const router = useRouter();
  const hydrated = useHydrated();
  const t = useTranslations("crmSettings.token");
  const problemText = useProblemText();
  const [token, setToken] = useState("");
  const test = useMutation({ mutationFn: () => apiFetch<CrmTestResult>("/api/v1/crm/connection/test", { method: "POST", body: { provider: "hubspot", accessToken: token } }) });
  const connect = useMutation({
    mutationFn: () => apiFetch("/api/v1/crm/connection", { method: "PUT", body: { provider: "hubspot", accessToken: token } }),
    onSuccess: () => {
      setToken("");
      onDone();
      router.refresh();
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    connect.mutate();
  };
  const busy = !hydrated || test.isPending || connect.isPending;
  return (
    <form onSubmit={submit} className="grid gap-3" aria-label={t("form")}>
      <label htmlFor="crm-token" className="font-medium">
        {replacing ? t("newLabel") : t("label")}
      </label>
      <input
        id="crm-token"
        type="password"
        autoComplete="off"
        spellCheck={false}
        required
        value={token}
        onChange={(event) => setToken(event.target.value)}
        placeholder="pat-na1-…"
        className="rounded border border-slate-300 px-2 py-1 font-mono"
      />
      <p className="text-slate-600">{t("hint")}</p>
      <div className="flex gap-2">
        <button type="button" disabled={busy || token.trim() === ""} onClick={() => test.mutate()} className={buttonClass("secondary")}>
          {t("test")}
        </button>
        <button type="submit" disabled={busy || token.trim() === ""} className={buttonClass("primary")}>
          {replacing ? t("saveNew") : t("connect")}
        </button>
      </div>
      {test.data && <TestOutcome result={test.data} />}
      {connect.isError && (
        <p role="alert" className="rounded bg-red-50 p-2 text-red-900">
          {problemText(connect.error)}
        </p>
      )}
    </form>
  );
}

export function CrmConnectionCard({ connection }: { connection: ConnectionData }) {
  const router = useRouter();
  const hydrated = useHydrated();
  const t = useTranslations("crmSettings");
  const problemText = useProblemText();
  const [replacing, setReplacing] = useState(false);
  const test = useMutation({ mutationFn: () => apiFetch<CrmTestResult>("/api/v1/crm/connection/test", { method: "POST", body: {} }), onSuccess: () => router.refresh() });
  const disconnect = useMutation({ mutationFn: () => apiFetch("/api/v1/crm/connection", { method: "DELETE" }), onSuccess: () => router.refresh() });

  if (connection.provider === "internal") {
    return (
      <section aria-labelledby="crm-account-heading" className="grid max-w-3xl gap-3 rounded-lg border border-slate-200 bg-white p-6 text-sm">
        <h2 id="crm-account-heading" className="text-base font-semibold">{t("account.title")}</h2>
        <p data-testid="crm-provider">{t("internal")}</p>
        <TokenForm replacing={false} onDone={() => undefined} />
      </section>
    );
  }
  const { account, limits } = connection;
  return (
    <section aria-labelledby="crm-account-heading" className="grid max-w-3xl gap-3 rounded-lg border border-slate-200 bg-white p-6 text-sm">
      <h2 id="crm-account-heading" className="text-base font-semibold">{t("account.title")}</h2>
      <p data-testid="crm-provider">
        {t.rich("hubspot", {
          name: account.name ?? t("account.fallbackName"),
          portal: account.accountId,
          zone: account.timeZone ? `, ${account.timeZone}` : "",
          requests: limits.requestsPer10s ?? "?",
          strong: (chunks) => <span className="font-medium">{chunks}</span>,
        })}
      </p>
      <p className="text-slate-600">
        {connection.connectedBy ? t("connectedBy", { who: connection.connectedBy }) : t("connected")} <DateTimeText iso={connection.connectedAt} />
        {connection.testedAt ? (
          <>
            ; {t("lastTested")} <DateTimeText iso={connection.testedAt} />
          </>
        ) : null}
        .
      </p>
      <div className="flex flex-wrap gap-2">
        <button type="button" disabled={!hydrated || test.isPending} onClick={() => test.mutate()} className={buttonClass("primary")}>
          {t("token.test")}
        </button>
        <button type="button" disabled={!hydrated} onClick={() => setReplacing((open) => !open)} className={buttonClass("secondary")} aria-expanded={replacing}>
          {t("replace")}
        </button>
        <ConfirmDialog
          title={t("disconnect.title")}
          description={t("disconnect.description")}
          confirmLabel={t("disconnect.confirm")}
          tone="danger"
          busy={disconnect.isPending}
          onConfirm={() => disconnect.mutate()}
          trigger={
            <button type="button" disabled={!hydrated} className={buttonClass("danger")}>
              {t("disconnect.button")}
            </button>
          }
        />
      </div>
      {test.data && <TestOutcome result={test.data} />}
      {test.isError && <p role="alert" className="text-red-800">{problemText(test.error)}</p>}
      {disconnect.isError && <p role="alert" className="text-red-800">{problemText(disconnect.error)}</p>}
      {replacing && <TokenForm replacing onDone={() => setReplacing(false)} />}
    </section>
  );
}
