"use client";
// The review queue's table on TanStack Table: rows of conversations beside
// their leads, a checkbox per lead for bulk actions, the columns the reader
// chose (column chooser), and the open lead marked. A row click or Enter opens
// its lead (onOpen). Fixed layout: it never scrolls sideways.
import { flexRender, getCoreRowModel, useReactTable, type RowSelectionState } from "@tanstack/react-table";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { buttonClass } from "@/app/_components/ui/button";
import { useHydrated } from "@/app/_components/use-hydrated";
import { Menu, MenuCheckboxItem, MenuLabel } from "@/app/_components/ui/menu";
import type { QueueRow } from "@/lib/leads/queue-row";
import { DEFAULT_COLUMN_VISIBILITY, queueColumns, type Member } from "./queue-columns";
import { useColumnVisibility } from "./use-column-visibility";

export type QueueTableProps = {
  rows: QueueRow[];
  members: Member[];
  openConversationId: string | null;
  onOpen: (row: QueueRow) => void;
  /** Selected proposal ids (bulk actions). */
  selection: RowSelectionState;
  onSelectionChange: (next: RowSelectionState) => void;
  busy: boolean;
};

export function QueueTable({ rows, members, openConversationId, onOpen, selection, onSelectionChange, busy }: QueueTableProps) {
  const hydrated = useHydrated();
  const t = useTranslations();
  const columns = useMemo(() => queueColumns(members, t), [members, t]);
  const [columnVisibility, setColumnVisibility] = useColumnVisibility(DEFAULT_COLUMN_VISIBILITY);
  // TanStack Table keeps its own state; React Compiler skips memoizing this component, as intended.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: rows,
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => row.proposal?.id ?? `conversation:${row.conversationId}`,
    enableRowSelection: (row) => row.original.proposal !== null,
    state: { rowSelection: selection, columnVisibility },
    onRowSelectionChange: (updater) => onSelectionChange(typeof updater === "function" ? updater(selection) : updater),
    onColumnVisibilityChange: (updater) => setColumnVisibility(typeof updater === "function" ? updater(columnVisibility) : updater),
  });

  return (
    <div className="rounded-lg border border-slate-200 bg-white">
      <div className="flex items-center justify-end border-b border-slate-200 px-2 py-1">
        <Menu
          trigger={
            <button type="button" className={buttonClass("secondary", "px-2 py-1 text-xs")}>
              {t("queue.table.columns")}
            </button>
          }
        >
          <MenuLabel>{t("queue.table.showColumns")}</MenuLabel>
          {table
            .getAllLeafColumns()
            .filter((column) => column.getCanHide())
            .map((column) => (
              <MenuCheckboxItem key={column.id} checked={column.getIsVisible()} onCheckedChange={(checked) => column.toggleVisibility(checked)}>
                {column.columnDef.meta?.label ?? column.id}
              </MenuCheckboxItem>
            ))}
        </Menu>
      </div>
      {/* The checkboxes wait for JavaScript: ticked before it runs, they would select nothing. */}
      <fieldset disabled={!hydrated} className="contents">
      <legend className="sr-only">{t("queue.table.legend")}</legend>
      <table className="w-full table-fixed text-sm" data-testid="queue-table" aria-busy={busy}>
        <thead className="bg-slate-100 text-left text-xs text-slate-800">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => (
                <th key={header.id} scope="col" className={`px-1.5 py-2 font-semibold ${header.column.columnDef.meta?.className ?? ""}`}>
                  {header.isPlaceholder ? null : flexRender(header.column.columnDef.header, header.getContext())}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody className="hyphens-auto [overflow-wrap:anywhere]">
          {table.getRowModel().rows.map((row) => {
            const open = row.original.conversationId === openConversationId;
            return (
              <tr
                key={row.id}
                data-testid="queue-row"
                data-conversation-id={row.original.conversationId}
                data-proposal-id={row.original.proposal?.id ?? ""}
                aria-selected={open}
                tabIndex={0}
                onClick={() => onOpen(row.original)}
                onKeyDown={(event) => {
                  if (event.key === "Enter" && event.target === event.currentTarget) onOpen(row.original);
                }}
                className={`cursor-pointer border-t border-slate-100 align-top hover:bg-slate-50 focus:bg-slate-50 focus:outline-2 focus:-outline-offset-2 focus:outline-sky-700 ${open ? "bg-sky-50" : ""}`}
              >
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} className={`px-1.5 py-2 ${cell.column.columnDef.meta?.className ?? ""}`}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      </fieldset>
    </div>
  );
}
