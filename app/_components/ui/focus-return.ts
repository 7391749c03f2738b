"use client";
// Dialogs give focus back to whatever opened them: the trigger button, or the
// element that had focus when a dialog was opened from code (a shortcut key, a
// failed action). Radix returns focus only to its own Trigger, so the dialog
// and confirmation wrappers remember the opener here.
import { useRef } from "react";

export function useFocusReturn() {
  const opener = useRef<HTMLElement | null>(null);
  return {
    /** Pass as onOpenAutoFocus: runs before focus moves into the dialog. */
    onOpenAutoFocus: () => {
      const active = document.activeElement;
      opener.current = active instanceof HTMLElement && active !== document.body ? active : null;
    },
    /** Pass as onCloseAutoFocus. */
    onCloseAutoFocus: (event: Event) => {
      const target = opener.current;
      opener.current = null;
      if (target && target.isConnected) {
        event.preventDefault();
        target.focus();
      }
    },
  };
}
