"use client";
// The last decision, with Undo and the seconds left to use it: the button goes
// away when the window closes (the server would refuse after it).
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useProblemText } from "@/app/_components/problem-text";
import { buttonClass } from "@/app/_components/ui/button";
import { useCountdown } from "@/app/_components/use-countdown";

export type UndoableAction = {
  /** What was done, in words ("Approved Marina Costa"). */
  label: string;
  /** When the undo window closes (epoch ms, from the server's remaining time). */
  deadline: number;
  undo: () => Promise<unknown>;
};

export function UndoBar({ action, onUndone, onDismiss }: { action: UndoableAction; onUndone: () => void; onDismiss: () => void }) {
  const secondsLeft = useCountdown(action.deadline);
  const t = useTranslations("queue.undo");
  const tc = useTranslations("common");
  const problemText = useProblemText();
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const run = async () => {
    setState({ busy: true, error: null });
    try {
      await action.undo();
      onUndone();
    } catch (error) {
      setState({ busy: false, error: problemText(error) });
    }
  };
  return (
    <div role="status" className="mb-3 flex flex-wrap items-center gap-3 rounded-lg border border-slate-300 bg-slate-50 px-3 py-2 text-sm" data-testid="undo-bar">
      <span>{t("label", { label: action.label })}</span>
      {secondsLeft > 0 ? (
        <button type="button" className={buttonClass("secondary", "px-2 py-1")} disabled={state.busy} onClick={() => void run()} data-testid="undo-button">
          {t("button", { seconds: secondsLeft })}
        </button>
      ) : (
        <span className="text-slate-700">{t("closed")}</span>
      )}
      {state.error && <span className="text-red-800">{state.error}</span>}
      <button type="button" className="ml-auto text-xs text-slate-700 underline" onClick={onDismiss}>
        {tc("dismiss")}
      </button>
    </div>
  );
}
