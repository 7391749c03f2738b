"use client";
// False during server rendering and hydration, true once React handles events:
// controls that need JavaScript stay disabled until they can work.
import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

export function useHydrated(): boolean {
  return useSyncExternalStore(subscribe, () => true, () => false);
}
