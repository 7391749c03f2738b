// The dashboard's button looks, in one place: a primary action, a quiet
// secondary one, a destructive one, and a link-like one. Returns class names so
// a <button>, a Radix trigger (asChild) or a link can share them.
export type ButtonTone = "primary" | "secondary" | "danger" | "approve" | "link";

const base = "inline-flex items-center justify-center gap-1 rounded px-3 py-1.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700 disabled:cursor-not-allowed disabled:opacity-50";

const tones: Record<ButtonTone, string> = {
  primary: `${base} bg-slate-900 text-white hover:bg-slate-700`,
  approve: `${base} bg-emerald-700 text-white hover:bg-emerald-800`,
  secondary: `${base} border border-slate-400 bg-white text-slate-900 hover:bg-slate-100`,
  danger: `${base} bg-red-700 text-white hover:bg-red-800`,
  link: "text-sm text-red-800 underline focus-visible:outline-2 focus-visible:outline-sky-700 disabled:opacity-50",
};

export function buttonClass(tone: ButtonTone = "secondary", extra = ""): string {
  return extra ? `${tones[tone]} ${extra}` : tones[tone];
}
