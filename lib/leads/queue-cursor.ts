// The queue's opaque keyset cursor: the sort it belongs to and the sort key of
// the last row returned (urgency rank, lastMessageAt, conversation id),
// base64url-encoded. Validated on the way back in; a cursor of another sort is
// refused rather than silently restarting the list.
import { isUuid } from "@/lib/http/params";
import { AppError } from "@/lib/errors";
import type { QueueSort } from "./queue-query";

export type QueueCursor = { sort: QueueSort; urgencyRank: number; lastMessageAt: Date; id: string };

export function encodeQueueCursor(cursor: QueueCursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, cursor.urgencyRank, cursor.lastMessageAt.toISOString(), cursor.id])).toString("base64url");
}

export function decodeQueueCursor(value: string, sort: QueueSort): QueueCursor {
  try {
    const [cursorSort, rank, at, id] = JSON.parse(Buffer.from(value, "base64url").toString("utf8")) as unknown[];
    const lastMessageAt = new Date(String(at));
    const valid =
      cursorSort === sort &&
      Number.isInteger(rank) && (rank as number) >= 0 && (rank as number) <= 3 &&
      typeof at === "string" && !Number.isNaN(lastMessageAt.getTime()) &&
      typeof id === "string" && isUuid(id);
    if (valid) return { sort, urgencyRank: rank as number, lastMessageAt, id: id as string };
  } catch {
    // Falls through to the error below.
  }
  throw new AppError("validation_failed", "The cursor is not valid for this sort; pass the nextCursor of a previous page with the same filters and sort.", {
    errors: [{ path: "cursor", message: "not a cursor of this list" }],
  });
}
