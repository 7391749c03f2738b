"use client";
// Settings -> CRM, the account: connect the workspace's own HubSpot account with
// a private app's token (tested first; never shown again once saved), test the
// connection (the account and its API limits, or HubSpot's error in words),
// replace the token, or go back to the internal CRM.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { apiFetch } from "@/app/_components/api";
import type { Jsonified } from "@/app/_components/jsonified";
import { buttonClass } from "@/app/_components/ui/button";
import { ConfirmDialog } from "@/app/_components/ui/confirm-dialog";
import { useHydrated } from "@/app/_components/use-hydrated";
import type { CrmConnectionView, CrmTestResult } from "@/lib/crm/connections";
import type { CrmAccount } from "@/lib/crm/types";

export type ConnectionData = Jsonified<CrmConnectionView>;

function AccountDetails({ account }: { account: CrmAccount }) {
  const { limits } = account;
  return (
    <dl className="grid grid-cols-3 gap-x-4 gap-y-1" data-testid="crm-account">
      <dt className="text-slate-600">Account</dt>
      <dd className="col-span-2 font-medium">{account.name ?? "(HubSpot gives no name)"}</dd>
      <dt className="text-slate-600">Portal id</dt>
      <dd className="col-span-2">{account.accountId}</dd>
      <dt className="text-slate-600">Time zone</dt>
      <dd className="col-span-2">{account.timeZone ?? "—"}</dd>
      <dt className="text-slate-600">API limits</dt>
      <dd className="col-span-2" data-testid="crm-limits">
        {limits.requestsPer10s ?? "?"} requests per 10 s
        {limits.dailyLimit !== null ? `; ${limits.dailyLimit.toLocaleString("en")} per day` : ""}
        {limits.dailyRemaining !== null ? ` (${limits.dailyRemaining.toLocaleString("en")} left today)` : ""}
      </dd>
    </dl>
  );
}

function TestOutcome({ result }: { result: CrmTestResult }) {
  if (!result.ok) {
    return (
      <p role="alert" className="rounded bg-red-50 p-2 text-red-900" data-testid="crm-test-error">
        {result.error}
      </p>
    );
  }
  return (
    <div role="status" className="grid gap-2 rounded bg-emerald-50 p-3 text-emerald-950">
      <p className="font-medium">Connection works.</p>
      <AccountDetails account={result.account} />
    </div>
  );
}

/** The token form: test it without saving, or save it (HubSpot is asked first; a refused token is not kept). */
function TokenForm({ replacing, onDone }: { replacing: boolean; onDone: () => void }) {
  const router = useRouter();
  const hydrated = useHydrated();
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
    <form onSubmit={submit} className="grid gap-3" aria-label="HubSpot access token">
      <label htmlFor="crm-token" className="font-medium">
        {replacing ? "New private app access token" : "HubSpot private app access token"}
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
      <p className="text-slate-600">
        In HubSpot: Settings → Integrations → Private apps → create an app with the CRM scopes listed in the README, then copy its access token. It is stored encrypted
        and never shown again.
      </p>
      <div className="flex gap-2">
        <button type="button" disabled={busy || token.trim() === ""} onClick={() => test.mutate()} className={buttonClass("secondary")}>
          Test connection
        </button>
        <button type="submit" disabled={busy || token.trim() === ""} className={buttonClass("primary")}>
          {replacing ? "Save new token" : "Connect HubSpot"}
        </button>
      </div>
      {test.data && <TestOutcome result={test.data} />}
      {connect.isError && (
        <p role="alert" className="rounded bg-red-50 p-2 text-red-900">
          {connect.error.message}
        </p>
      )}
    </form>
  );
}

export function CrmConnectionCard({ connection }: { connection: ConnectionData }) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [replacing, setReplacing] = useState(false);
  const test = useMutation({ mutationFn: () => apiFetch<CrmTestResult>("/api/v1/crm/connection/test", { method: "POST", body: {} }), onSuccess: () => router.refresh() });
  const disconnect = useMutation({ mutationFn: () => apiFetch("/api/v1/crm/connection", { method: "DELETE" }), onSuccess: () => router.refresh() });

  if (connection.provider === "internal") {
    return (
      <section aria-labelledby="crm-account-heading" className="grid max-w-3xl gap-3 rounded-lg border border-slate-200 bg-white p-6 text-sm">
        <h2 id="crm-account-heading" className="text-base font-semibold">Account</h2>
        <p data-testid="crm-provider">Approved leads go to the internal CRM (the Contacts page). Connect your own HubSpot account to send them there instead.</p>
        <TokenForm replacing={false} onDone={() => undefined} />
      </section>
    );
  }
  const { account, limits } = connection;
  return (
    <section aria-labelledby="crm-account-heading" className="grid max-w-3xl gap-3 rounded-lg border border-slate-200 bg-white p-6 text-sm">
      <h2 id="crm-account-heading" className="text-base font-semibold">Account</h2>
      <p data-testid="crm-provider">
        Approved leads go to HubSpot: <span className="font-medium">{account.name ?? "account"}</span> (portal {account.accountId}
        {account.timeZone ? `, ${account.timeZone}` : ""}). Up to {limits.requestsPer10s} requests per 10 s.
      </p>
      <p className="text-slate-600">
        Connected {connection.connectedBy ? `by ${connection.connectedBy} ` : ""}on {connection.connectedAt.slice(0, 10)}
        {connection.testedAt ? `; last tested ${connection.testedAt.slice(0, 16).replace("T", " ")} UTC` : ""}.
      </p>
      <div className="flex flex-wrap gap-2">
        <button type="button" disabled={!hydrated || test.isPending} onClick={() => test.mutate()} className={buttonClass("primary")}>
          Test connection
        </button>
        <button type="button" disabled={!hydrated} onClick={() => setReplacing((open) => !open)} className={buttonClass("secondary")} aria-expanded={replacing}>
          Replace token
        </button>
        <ConfirmDialog
          title="Use the internal CRM?"
          description="The stored HubSpot token is deleted. Leads approved from now on go to the Contacts page; what is already in HubSpot stays there."
          confirmLabel="Disconnect HubSpot"
          tone="danger"
          busy={disconnect.isPending}
          onConfirm={() => disconnect.mutate()}
          trigger={
            <button type="button" disabled={!hydrated} className={buttonClass("danger")}>
              Disconnect
            </button>
          }
        />
      </div>
      {test.data && <TestOutcome result={test.data} />}
      {test.isError && <p role="alert" className="text-red-800">{test.error.message}</p>}
      {disconnect.isError && <p role="alert" className="text-red-800">{disconnect.error.message}</p>}
      {replacing && <TokenForm replacing onDone={() => setReplacing(false)} />}
    </section>
  );
}
