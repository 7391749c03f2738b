// Route parameters that name a record: anything that is not a UUID cannot name
// one, so it answers 404 like an id of another workspace does.
import { z } from "zod";
import { notFound } from "@/lib/errors";

const uuid = z.uuid();

export function recordId(value: string | undefined, what: string): string {
  const parsed = uuid.safeParse(value);
  if (!parsed.success) throw notFound(what);
  return parsed.data;
}
