"use client";
// A dropdown menu on Radix DropdownMenu: opened by its trigger button, arrow
// keys move between items, typing jumps to one, Escape closes it and focus goes
// back to the trigger. Items run an action; checkbox items toggle a setting
// (e.g. a table column) and keep the menu open.
import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import type { ReactNode } from "react";

export function Menu({ trigger, children, align = "end" }: { trigger: ReactNode; children: ReactNode; align?: "start" | "end" }) {
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger asChild>{trigger}</DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align={align}
          sideOffset={4}
          collisionPadding={8}
          className="z-50 max-h-[var(--radix-dropdown-menu-content-available-height)] min-w-48 overflow-y-auto rounded-md border border-slate-200 bg-white p-1 text-sm shadow-lg"
        >
          {children}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}

const item = "flex cursor-default items-center gap-2 rounded px-2 py-1.5 outline-none select-none data-[disabled]:opacity-50 data-[highlighted]:bg-slate-100";

export function MenuItem({ onSelect, disabled, children }: { onSelect: () => void; disabled?: boolean; children: ReactNode }) {
  return (
    <DropdownMenu.Item className={item} disabled={disabled} onSelect={onSelect}>
      {children}
    </DropdownMenu.Item>
  );
}

export function MenuCheckboxItem({ checked, onCheckedChange, disabled, children }: { checked: boolean; onCheckedChange: (checked: boolean) => void; disabled?: boolean; children: ReactNode }) {
  return (
    <DropdownMenu.CheckboxItem
      className={item}
      checked={checked}
      disabled={disabled}
      onCheckedChange={onCheckedChange}
      // Several columns are usually toggled in one go.
      onSelect={(event) => event.preventDefault()}
    >
      <span aria-hidden="true" className="inline-block w-4 text-center">
        {checked ? "✓" : ""}
      </span>
      {children}
    </DropdownMenu.CheckboxItem>
  );
}

export function MenuLabel({ children }: { children: ReactNode }) {
  return <DropdownMenu.Label className="px-2 py-1 text-xs font-medium text-slate-600">{children}</DropdownMenu.Label>;
}

export function MenuSeparator() {
  return <DropdownMenu.Separator className="my-1 h-px bg-slate-200" />;
}
