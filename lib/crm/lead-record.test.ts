import { describe, expect, it } from "vitest";
import { crmLeadNoteMarker, crmLeadTitle, leadNoteHtml, leadNoteText, NOTE_MESSAGES, type LeadNoteContent } from "./lead-record";

const at = (minute: number) => new Date(Date.UTC(2026, 10, 20, 12, minute));
const content: LeadNoteContent = {
  leadKey: "7f1c2a44-0000-4000-8000-000000000001",
  name: "Ana Souza",
  company: "Verde <Solar> & Co",
  productInterest: "Solar Panel Kit",
  urgencyLevel: "high",
  scores: { summary: "Hot lead: ready to buy this month", fields: { "Lead Score": "High (0.82)", "Primary Objection": "Price", "Recommended Approach": "Send a quote with financing" } },
  evidence: [{ field: "product_interest", quote: "Quero um kit solar" }, { field: "email", quote: "ana.souza@gmail.com" }],
  messages: Array.from({ length: 14 }, (_, i) => ({ role: i % 2 === 0 ? ("user" as const) : ("assistant" as const), text: `message ${i}${i === 13 ? " <script>alert(1)</script>" : ""}`, sentAt: at(i) })),
  url: "https://leads.example.com/leads/7f1c2a44-0000-4000-8000-000000000001",
};

describe("the lead's note", () => {
  it("says who, what, how hot, in their words, the last messages, and links back", () => {
    const text = leadNoteText(content);
    expect(text).toContain("WhatsApp lead: Ana Souza (Verde <Solar> & Co)");
    expect(text).toContain("Wants: Solar Panel Kit · Urgency: high");
    expect(text).toContain("Hot lead: ready to buy this month");
    expect(text).toContain("Lead Score: High (0.82)");
    expect(text).toContain("Product: “Quero um kit solar”");
    expect(text).toContain("[2026-11-20 12:13 UTC] Bot: message 13");
    expect(text).toContain("Prospect: message 12");
    // Only the last messages.
    expect(text).not.toContain("message 3\n");
    expect(text.match(/^\[2026/gm)).toHaveLength(NOTE_MESSAGES);
    expect(text).toContain(`Open the lead in LeadBridge: ${content.url}`);
    expect(text.endsWith(crmLeadNoteMarker(content.leadKey))).toBe(true);
  });

  it("escapes everything the prospect wrote in the HTML form", () => {
    const html = leadNoteHtml(content);
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("Verde &lt;Solar&gt; &amp; Co");
    expect(html).toContain(`<a href="${content.url}">`);
    expect(html).toContain(crmLeadNoteMarker(content.leadKey));
  });

  it("leaves out what is not known", () => {
    const bare = leadNoteText({ ...content, company: null, productInterest: null, urgencyLevel: null, scores: null, evidence: [], messages: [] });
    expect(bare.split("\n")[0]).toBe("WhatsApp lead: Ana Souza");
    expect(bare).not.toContain("Wants");
    expect(bare).not.toContain("Last messages");
    // No APP_URL in production: no link, still the marker a retry finds the note by.
    const unlinked = { ...content, url: null };
    expect(leadNoteText(unlinked)).not.toContain("Open the lead");
    expect(leadNoteHtml(unlinked)).not.toContain("<a ");
    expect(leadNoteText(unlinked)).toContain(crmLeadNoteMarker(content.leadKey));
  });

  it("titles the deal with the product when there is one", () => {
    expect(crmLeadTitle("Ana", "Solar Panel Kit")).toBe("WhatsApp lead: Ana — Solar Panel Kit");
    expect(crmLeadTitle("Ana", null)).toBe("WhatsApp lead: Ana");
  });
});
