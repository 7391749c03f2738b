// The bodies of the review actions' API requests, validated with zod. Every
// action carries the `version` of the lead the reviewer saw (optimistic locking).
import { z } from "zod";
import { leadEditsSchema } from "./lead-fields";
import { REJECT_REASONS } from "./lead-status";
import { fieldChoicesSchema } from "./review";

const version = z.number().int().positive();

/** `confirmInvalid`: the reviewer confirmed approving despite an invalid contact value (or none valid). */
export const approveRequest = z.object({ version, edits: leadEditsSchema.optional(), confirmInvalid: z.boolean().optional() }).strict();
export const mergeRequest = z
  .object({ version, contactId: z.uuid(), choices: fieldChoicesSchema.default({}), edits: leadEditsSchema.optional(), preview: z.boolean().default(false) })
  .strict();
export const rejectRequest = z
  .object({ version, reason: z.enum(REJECT_REASONS), note: z.string().trim().max(1000).optional() })
  .strict()
  .refine((value) => value.reason !== "other" || Boolean(value.note), { path: ["note"], message: "say why when the reason is other" });
export const undoRequest = z.object({ version }).strict();
