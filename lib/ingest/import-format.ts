// The conversation export format chatbot platforms push to
// POST /api/v1/conversations/import (see the fixtures' README): one
// conversation or an array of them. Validated strictly where we store values
// (ids, wa_id, roles, timestamps) and leniently elsewhere: unknown keys such as
// `expected` and `notes` are ignored, and the `client` block is informational
// (the workspace comes from the API key). Self-contained on purpose: the lead
// extractor keeps its own schema of the same format.
import { z } from "zod";

export const MAX_CONVERSATIONS_PER_IMPORT = 500;
export const MAX_MESSAGES_PER_CONVERSATION = 5_000;

const importedMessageSchema = z.looseObject({
  id: z.string().trim().min(1, "a message id is required").max(256),
  role: z.enum(["user", "assistant", "agent"], { error: 'role must be "user", "assistant" or "agent"' }),
  content: z.string({ error: "content must be a string" }).max(65_536),
  at: z.iso.datetime({ offset: true, error: "at must be an ISO-8601 timestamp with an offset, e.g. 2026-03-16T11:20:00-04:00" }),
});

export const importedConversationSchema = z
  .looseObject({
    id: z.string().trim().min(1, "the conversation id is required").max(256),
    channel: z.literal("whatsapp", { error: 'channel must be "whatsapp"' }).default("whatsapp"),
    client: z.unknown().optional(),
    contact: z.looseObject({
      wa_id: z
        .string()
        .trim()
        .transform((value) => value.replace(/^\+/, ""))
        .pipe(z.string().regex(/^\d{6,20}$/, "wa_id must be the contact's WhatsApp number in digits")),
      profile_name: z.string().trim().max(256).nullish(),
    }),
    messages: z
      .array(importedMessageSchema)
      .min(1, "a conversation needs at least one message")
      .max(MAX_MESSAGES_PER_CONVERSATION)
      // Runs even when other fields are wrong, so one response lists every problem.
      .superRefine((messages, context) => {
        if (!Array.isArray(messages)) return;
        const seen = new Set<unknown>();
        messages.forEach((message, index) => {
          const id = (message as { id?: unknown } | null)?.id;
          if (typeof id === "string" && seen.has(id)) context.addIssue({ code: "custom", path: [index, "id"], message: `duplicate message id ${id}` });
          seen.add(id);
        });
      }, { when: () => true }),
  });

export type ImportedConversation = z.infer<typeof importedConversationSchema>;

const importBatchSchema = z
  .array(importedConversationSchema)
  .min(1, "send at least one conversation")
  .max(MAX_CONVERSATIONS_PER_IMPORT, `send at most ${MAX_CONVERSATIONS_PER_IMPORT} conversations per request`);

/**
 * The request body: one conversation or an array of them; always returns an
 * array. Chooses the schema by shape first so every error names the path of the
 * bad field (a zod union would only say "no option matched"). Throws ZodError.
 */
export function parseImportRequest(body: unknown): ImportedConversation[] {
  return Array.isArray(body) ? importBatchSchema.parse(body) : [importedConversationSchema.parse(body)];
}
