// The words a synced lead's CRM records carry, in one place so the sync and the
// Settings preview agree: the lead's title (HubSpot: the deal's name) and the
// note a salesperson reads first on the contact: the lead in words (product,
// urgency, labeled scores), the evidence quotes, the last messages of the
// conversation, and a link back to the lead in the dashboard. The note ends
// with a marker naming our lead, so a retry finds the note it made. Pure.
import { LEAD_FIELD_WORDS, type LeadField } from "@/lib/extraction/types";

/** The title of the lead (HubSpot: the deal's name). */
export function crmLeadTitle(name: string, productInterest: string | null): string {
  return `WhatsApp lead: ${name}${productInterest ? ` — ${productInterest}` : ""}`;
}

/** The line that names our lead in its note (how a retry recognizes the note it made). */
export function crmLeadNoteMarker(leadKey: string): string {
  return `LeadBridge lead ${leadKey}`;
}

/** The lead key a note's marker names (crmLeadNoteMarker), if it has one. */
export function leadKeyOfNote(body: string | null | undefined): string | undefined {
  return body ? /LeadBridge lead ([0-9a-zA-Z-]+)/.exec(body)?.[1] : undefined;
}

/** How many of the conversation's last messages the note quotes. */
export const NOTE_MESSAGES = 10;
const MESSAGE_CHARACTERS = 500;

export interface LeadNoteContent {
  leadKey: string;
  name: string;
  company: string | null;
  productInterest: string | null;
  urgencyLevel: string | null;
  /** The labeled scores in words (never bare numbers) and their one-line summary. */
  scores: { summary: string; fields: Record<string, string> } | null;
  /** The prospect's own words behind each field. */
  evidence: { field: LeadField; quote: string }[];
  /** Oldest first; the note keeps the last NOTE_MESSAGES. */
  messages: { role: "user" | "assistant" | "agent"; text: string; sentAt: Date }[];
  /** The lead in the dashboard; null when the deployment has no APP_URL (no link). */
  url: string | null;
}

const ROLE_WORDS = { user: "Prospect", assistant: "Bot", agent: "Agent" } as const;

const when = (at: Date) => `${at.toISOString().slice(0, 16).replace("T", " ")} UTC`;
const clip = (text: string) => (text.length > MESSAGE_CHARACTERS ? `${text.slice(0, MESSAGE_CHARACTERS - 1)}…` : text);
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** The note's parts, each a line of plain text, before either rendering. */
function parts(content: LeadNoteContent) {
  const heading = `WhatsApp lead: ${content.name}${content.company ? ` (${content.company})` : ""}`;
  const wants = [content.productInterest && `Wants: ${content.productInterest}`, content.urgencyLevel && `Urgency: ${content.urgencyLevel}`].filter(Boolean).join(" · ");
  const scores = content.scores ? Object.entries(content.scores.fields).map(([label, value]) => `${label}: ${value}`) : [];
  const evidence = content.evidence.map(({ field, quote }) => `${LEAD_FIELD_WORDS[field]}: “${quote}”`);
  const messages = content.messages.slice(-NOTE_MESSAGES).map((message) => ({ at: when(message.sentAt), who: ROLE_WORDS[message.role], text: clip(message.text) }));
  return { heading, wants, summary: content.scores?.summary ?? null, scores, evidence, messages };
}

export function leadNoteText(content: LeadNoteContent): string {
  const p = parts(content);
  return [
    p.heading,
    p.wants,
    p.summary,
    ...p.scores,
    p.evidence.length > 0 ? `\nIn their words:\n${p.evidence.map((line) => `- ${line}`).join("\n")}` : "",
    p.messages.length > 0 ? `\nLast messages:\n${p.messages.map((m) => `[${m.at}] ${m.who}: ${m.text}`).join("\n")}` : "",
    content.url ? `\nOpen the lead in LeadBridge: ${content.url}` : "",
    crmLeadNoteMarker(content.leadKey),
  ].filter((line) => line !== "" && line !== null).join("\n");
}

/** The same note as the simple HTML HubSpot shows in a note (every value escaped). */
export function leadNoteHtml(content: LeadNoteContent): string {
  const p = parts(content);
  const list = (items: string[]) => `<ul>${items.map((item) => `<li>${escapeHtml(item)}</li>`).join("")}</ul>`;
  return [
    `<p><strong>${escapeHtml(p.heading)}</strong></p>`,
    p.wants ? `<p>${escapeHtml(p.wants)}</p>` : "",
    p.summary ? `<p>${escapeHtml(p.summary)}</p>` : "",
    p.scores.length > 0 ? list(p.scores) : "",
    p.evidence.length > 0 ? `<p><strong>In their words</strong></p>${list(p.evidence)}` : "",
    p.messages.length > 0 ? `<p><strong>Last messages</strong></p>${list(p.messages.map((m) => `[${m.at}] ${m.who}: ${m.text}`))}` : "",
    content.url ? `<p><a href="${escapeHtml(content.url)}">Open the lead in LeadBridge</a> (${escapeHtml(content.url)})</p>` : "",
    `<p>${escapeHtml(crmLeadNoteMarker(content.leadKey))}</p>`,
  ].join("");
}
