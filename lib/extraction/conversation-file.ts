// The conversation export format (chatbot platform import, `lead:extract`):
// a zod schema of one file and its mapping to the extraction input. Test-only
// keys (`expected`, `notes`) and any other unknown keys are ignored.
import { z } from "zod";
import type { ConversationInput } from "./types";

export const exportedMessageSchema = z.object({
  id: z.string().min(1),
  role: z.enum(["user", "assistant", "agent"]),
  content: z.string(),
  at: z.string().min(1),
});

export const conversationFileSchema = z.object({
  id: z.string().min(1),
  channel: z.string().optional(),
  client: z.object({
    name: z.string().optional(),
    defaultCountry: z
      .string()
      .regex(/^[A-Za-z]{2}$/, "must be an ISO 3166 alpha-2 country code")
      .transform((code) => code.toUpperCase()),
    products: z.array(z.string().min(1)).default([]),
  }),
  contact: z.object({
    wa_id: z.string().regex(/^\+?\d{6,15}$/, "must be the WhatsApp id (digits with country code)"),
    profile_name: z.string().nullable().optional(),
  }),
  messages: z.array(exportedMessageSchema),
});

export type ConversationFile = z.infer<typeof conversationFileSchema>;

export class ConversationFileError extends Error {
  override name = "ConversationFileError";
}

/** Maps a parsed export file to the extraction input. */
export function toConversationInput(file: ConversationFile): ConversationInput {
  return {
    id: file.id,
    defaultCountry: file.client.defaultCountry,
    products: file.client.products,
    contact: { waId: file.contact.wa_id.replace(/^\+/, ""), profileName: file.contact.profile_name ?? null },
    messages: file.messages.map((message) => ({ ...message })),
  };
}

/** Parses the text of an export file; throws ConversationFileError with the problem. */
export function parseConversationFile(text: string): ConversationInput {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConversationFileError(`not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const parsed = conversationFileSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".") || "(file)"}: ${issue.message}`);
    throw new ConversationFileError(`not a conversation export: ${problems.join("; ")}`);
  }
  return toConversationInput(parsed.data);
}
