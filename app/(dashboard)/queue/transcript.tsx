"use client";
// The conversation beside the form: every message, with the one a field's
// evidence points at highlighted and scrolled into view.
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { DateTimeText } from "@/app/_components/time";
import type { LeadDetailData } from "./review-types";

const roleStyle: Record<string, string> = {
  user: "bg-white border-slate-200",
  assistant: "bg-emerald-50 border-emerald-200 ml-8",
  agent: "bg-sky-50 border-sky-200 ml-8",
};

export function Transcript({ messages, highlightedId, quote }: { messages: LeadDetailData["transcript"]["messages"]; highlightedId: string | null; quote: string | null }) {
  const container = useRef<HTMLOListElement>(null);
  const t = useTranslations("review.transcript");
  useEffect(() => {
    if (!highlightedId) return;
    container.current?.querySelector(`[data-message-id="${highlightedId}"]`)?.scrollIntoView({ block: "center", behavior: "smooth" });
  }, [highlightedId]);
  return (
    <ol ref={container} aria-label={t("label")} className="flex max-h-[70vh] flex-col gap-2 overflow-y-auto pr-2" data-testid="transcript">
      {messages.map((message) => {
        const highlighted = message.id === highlightedId;
        return (
          <li
            key={message.id}
            data-message-id={message.id}
            data-highlighted={highlighted || undefined}
            aria-current={highlighted ? "true" : undefined}
            className={`rounded-lg border px-3 py-2 text-sm ${roleStyle[message.role] ?? roleStyle.user} ${highlighted ? "ring-2 ring-amber-500" : ""}`}
          >
            <div className="mb-1 flex justify-between text-xs text-slate-600">
              <span className="font-medium">{message.role === "user" ? t("prospect") : t.has(message.role) ? t(message.role) : message.role}</span>
              <DateTimeText iso={message.sentAt} />
            </div>
            <p className="whitespace-pre-wrap">{highlighted && quote ? <Highlighted text={message.text} quote={quote} /> : message.text}</p>
          </li>
        );
      })}
    </ol>
  );
}

function Highlighted({ text, quote }: { text: string; quote: string }) {
  const at = text.indexOf(quote);
  if (at < 0) return <>{text}</>;
  return (
    <>
      {text.slice(0, at)}
      <mark className="bg-amber-200 text-slate-900">{quote}</mark>
      {text.slice(at + quote.length)}
    </>
  );
}
