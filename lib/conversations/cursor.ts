// The opaque cursor of the conversations list: the (lastMessageAt, id) of the
// last row returned, base64url-encoded. Opaque so clients cannot depend on its
// shape; validated on the way back in.
import { isUuid } from "@/lib/http/params";
import { AppError } from "@/lib/errors";

export type ConversationCursor = { lastMessageAt: Date; id: string };

export function encodeCursor(cursor: ConversationCursor): string {
  return Buffer.from(JSON.stringify([cursor.lastMessageAt.toISOString(), cursor.id])).toString("base64url");
}

export function decodeCursor(value: string): ConversationCursor {
  try {
    const [at, id] = JSON.parse(Buffer.from(value, "base64url").toString("utf8")) as [unknown, unknown];
    const lastMessageAt = new Date(String(at));
    if (typeof at === "string" && typeof id === "string" && isUuid(id) && !Number.isNaN(lastMessageAt.getTime())) return { lastMessageAt, id };
  } catch {
    // Falls through to the error below.
  }
  throw new AppError("bad_request", "The cursor is not valid; pass the nextCursor of a previous page.");
}
