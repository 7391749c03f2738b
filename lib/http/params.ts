// Route parameters that name a record: anything that is not a UUID cannot name
// one, so it answers 404 like an id of another workspace does.
import { z } from "zod";
import { notFound } from "@/lib/errors";

const uuid = z.uuid();

export function isUuid(value: unknown): value is string {
  return uuid.safeParse(value).success;
}

export function recordId(value: string | undefined, what: string): string {
  if (!isUuid(value)) throw notFound(what);
  return value;
}
