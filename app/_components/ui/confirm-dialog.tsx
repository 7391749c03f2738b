"use client";
// "Are you sure?" for actions that cannot simply be taken back (revoke a key,
// remove a member, cancel a follow-up, approve despite a problem), on Radix
// AlertDialog: focus starts on Cancel, stays inside, and returns to the opener;
// Escape cancels; a click outside does nothing. The confirm button says what it
// does ("Revoke key"), never just "OK". Optional `children` hold extra inputs
// (a reason) that the confirm button can depend on (`confirmDisabled`).
import * as AlertDialog from "@radix-ui/react-alert-dialog";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { buttonClass, type ButtonTone } from "./button";
import { useFocusReturn } from "./focus-return";

export type ConfirmDialogProps = {
  title: string;
  description: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  tone?: Extract<ButtonTone, "danger" | "primary" | "approve">;
  onConfirm: () => void;
  /** Uncontrolled: the element that opens it. */
  trigger?: ReactNode;
  /** Controlled alternative to `trigger`. */
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  busy?: boolean;
  confirmDisabled?: boolean;
  testId?: string;
  children?: ReactNode;
};

export function ConfirmDialog({ title, description, confirmLabel, cancelLabel, tone = "danger", onConfirm, trigger, open, onOpenChange, busy = false, confirmDisabled = false, testId, children }: ConfirmDialogProps) {
  const focus = useFocusReturn();
  const t = useTranslations("common");
  return (
    <AlertDialog.Root open={open} onOpenChange={onOpenChange}>
      {trigger && <AlertDialog.Trigger asChild>{trigger}</AlertDialog.Trigger>}
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <AlertDialog.Content
          data-testid={testId}
          onOpenAutoFocus={focus.onOpenAutoFocus}
          onCloseAutoFocus={focus.onCloseAutoFocus}
          className="fixed top-1/2 left-1/2 z-50 flex max-h-[calc(100dvh-2rem)] w-[min(28rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 flex-col rounded-lg bg-white shadow-xl focus:outline-none"
        >
          <div className="min-h-0 flex-1 overflow-y-auto px-5 pt-4 pb-3">
            <AlertDialog.Title className="text-lg font-semibold">{title}</AlertDialog.Title>
            <AlertDialog.Description asChild>
              <div className="mt-2 text-sm text-slate-700">{description}</div>
            </AlertDialog.Description>
            {children ? <div className="mt-3">{children}</div> : null}
          </div>
          <div className="flex flex-wrap justify-end gap-2 border-t border-slate-200 px-5 py-3">
            <AlertDialog.Cancel className={buttonClass("secondary")}>{cancelLabel ?? t("cancel")}</AlertDialog.Cancel>
            {/* Not AlertDialog.Action: the dialog closes when the caller says so (after a request succeeds). */}
            <button type="button" className={buttonClass(tone)} disabled={busy || confirmDisabled} onClick={onConfirm}>
              {confirmLabel}
            </button>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
