"use client";
// Which queue columns the reader chose to see, kept in this browser
// (localStorage) so the choice survives reloads; the server renders the
// defaults and the stored choice applies right after hydration.
import type { VisibilityState } from "@tanstack/react-table";
import { useCallback, useMemo, useSyncExternalStore } from "react";

const STORAGE_KEY = "leadbridge.queue.columns";
const CHANGED = "leadbridge:queue-columns";

function subscribe(onChange: () => void) {
  window.addEventListener(CHANGED, onChange);
  window.addEventListener("storage", onChange);
  return () => {
    window.removeEventListener(CHANGED, onChange);
    window.removeEventListener("storage", onChange);
  };
}

export function useColumnVisibility(defaults: VisibilityState): [VisibilityState, (next: VisibilityState) => void] {
  const stored = useSyncExternalStore(subscribe, () => window.localStorage.getItem(STORAGE_KEY), () => null);
  const visibility = useMemo<VisibilityState>(() => {
    try {
      return stored ? { ...defaults, ...(JSON.parse(stored) as VisibilityState) } : defaults;
    } catch {
      return defaults;
    }
  }, [stored, defaults]);
  const save = useCallback((next: VisibilityState) => {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    window.dispatchEvent(new Event(CHANGED));
  }, []);
  return [visibility, save];
}
