// The frame of the signed-out pages (sign-in, invitation, password reset): a
// centred card with a title, an optional alert, and plain HTML forms that work
// without JavaScript.
import type { ReactNode } from "react";

export function AuthCard({ title, alert, notice, children }: { title: string; alert?: string | null; notice?: string | null; children?: ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
        {alert ? (
          <p role="alert" className="mt-4 rounded bg-red-50 px-3 py-2 text-sm text-red-900">
            {alert}
          </p>
        ) : null}
        {notice ? (
          <p role="status" className="mt-4 rounded bg-sky-50 px-3 py-2 text-sm text-sky-900">
            {notice}
          </p>
        ) : null}
        {children}
      </div>
    </main>
  );
}

export function Field({ label, name, type = "text", autoComplete, required = true, minLength }: { label: string; name: string; type?: string; autoComplete?: string; required?: boolean; minLength?: number }) {
  return (
    <label className="flex flex-col gap-1 text-sm font-medium">
      {label}
      <input name={name} type={type} autoComplete={autoComplete} required={required} minLength={minLength} className="rounded-md border border-slate-300 px-3 py-2 font-normal" />
    </label>
  );
}

export function SubmitButton({ children }: { children: ReactNode }) {
  return (
    <button type="submit" className="rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700">
      {children}
    </button>
  );
}

/** The first value of a search parameter, when it is a string. */
export function searchParam(params: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const value = params[name];
  return typeof value === "string" ? value : undefined;
}
