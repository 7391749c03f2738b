"use client";
// The dashboard's modal dialog, on Radix Dialog: labelled by its title, focus
// trapped inside while open and returned to the opener on close, Escape and a
// click outside close it. It never grows past the viewport: the body scrolls
// and the footer (the dialog's buttons) stays in view at any screen size.
import * as RadixDialog from "@radix-ui/react-dialog";
import type { ReactNode } from "react";
import { useFocusReturn } from "./focus-return";

export type DialogProps = {
  title: string;
  /** One sentence under the title (read out with it). */
  description?: string;
  /** Controlled: the dialog is open while true... */
  open?: boolean;
  /** ...and asks to close (Escape, outside click, a Close button) through this. */
  onOpenChange?: (open: boolean) => void;
  /** Uncontrolled: the element that opens it (rendered through Radix's Trigger). */
  trigger?: ReactNode;
  /** The buttons, kept visible below the scrolling body. */
  footer?: ReactNode;
  size?: "small" | "medium" | "large";
  testId?: string;
  children: ReactNode;
};

const widths = { small: "w-[min(28rem,calc(100vw-2rem))]", medium: "w-[min(42rem,calc(100vw-2rem))]", large: "w-[min(56rem,calc(100vw-2rem))]" };

export function Dialog({ title, description, open, onOpenChange, trigger, footer, size = "medium", testId, children }: DialogProps) {
  const focus = useFocusReturn();
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      {trigger && <RadixDialog.Trigger asChild>{trigger}</RadixDialog.Trigger>}
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <RadixDialog.Content
          data-testid={testId}
          onOpenAutoFocus={focus.onOpenAutoFocus}
          onCloseAutoFocus={focus.onCloseAutoFocus}
          {...(description ? {} : { "aria-describedby": undefined })}
          className={`fixed top-1/2 left-1/2 z-50 flex max-h-[calc(100dvh-2rem)] ${widths[size]} -translate-x-1/2 -translate-y-1/2 flex-col rounded-lg bg-white shadow-xl focus:outline-none`}
        >
          <div className="border-b border-slate-200 px-5 pt-4 pb-3">
            <RadixDialog.Title className="text-lg font-semibold">{title}</RadixDialog.Title>
            {description ? <RadixDialog.Description className="mt-1 text-sm text-slate-700">{description}</RadixDialog.Description> : null}
          </div>
          <div className="min-h-0 flex-1 overflow-y-auto px-5 py-4">{children}</div>
          {footer ? <div className="flex flex-wrap justify-end gap-2 border-t border-slate-200 px-5 py-3">{footer}</div> : null}
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}

/** A button that closes the dialog it is in (Cancel, Close). */
export function DialogClose({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <RadixDialog.Close type="button" className={className}>
      {children}
    </RadixDialog.Close>
  );
}
