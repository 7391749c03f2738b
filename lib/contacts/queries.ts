// The internal CRM's contacts of one workspace, searched and paged: by name,
// company or email (contains, any case) and by phone digits; newest activity
// first, with a keyset cursor. The Contacts page, its API and its CSV export
// all read through listContacts, so they always agree on "the filtered list".
import { z } from "zod";
import { db, type Prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

export const contactFiltersSchema = z.object({
  q: z.string().trim().max(200, "must be at most 200 characters").optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type ContactFilters = z.input<typeof contactFiltersSchema>;

export function contactFiltersFrom(params: URLSearchParams): z.infer<typeof contactFiltersSchema> {
  return contactFiltersSchema.parse(Object.fromEntries(params));
}

const contactListSelect = {
  id: true,
  name: true,
  email: true,
  phoneE164: true,
  company: true,
  productInterest: true,
  urgencyLevel: true,
  leadScore: true,
  // The member who owns the contact (the owner of the lead synced into it).
  owner: { select: { email: true, name: true } },
  createdAt: true,
  updatedAt: true,
} as const satisfies Prisma.ContactSelect;

export type ContactListRow = Prisma.ContactGetPayload<{ select: typeof contactListSelect }>;

function searchWhere(q: string | undefined): Prisma.ContactWhereInput[] {
  const text = q?.trim();
  if (!text) return [];
  const digits = text.replace(/\D/g, "");
  const anyOf: Prisma.ContactWhereInput[] = [
    { name: { contains: text, mode: "insensitive" } },
    { company: { contains: text, mode: "insensitive" } },
    { emailNormalized: { contains: text.toLowerCase() } },
  ];
  // Phone digits: "98765-4321", "(11) 9876" or "+55 11" all search the E.164 digits.
  if (digits.length >= 3 && /^[\d\s()+.-]+$/.test(text)) anyOf.push({ phoneE164: { contains: digits } });
  return [{ OR: anyOf }];
}

const encodeCursor = (row: { updatedAt: Date; id: string }) => Buffer.from(`${row.updatedAt.toISOString()}|${row.id}`).toString("base64url");

function decodeCursor(cursor: string): { updatedAt: Date; id: string } {
  const [at, id] = Buffer.from(cursor, "base64url").toString().split("|");
  const updatedAt = new Date(at ?? "");
  if (!id || Number.isNaN(updatedAt.getTime())) throw new AppError("validation_failed", '"cursor" is not valid: it is not one this list gave.', { errors: [{ path: "cursor", message: "is not one this list gave" }] });
  return { updatedAt, id };
}

export async function listContacts(workspaceId: string, filters: ContactFilters = {}): Promise<{ rows: ContactListRow[]; nextCursor: string | null }> {
  const { q, cursor, limit } = contactFiltersSchema.parse(filters);
  const after = cursor ? decodeCursor(cursor) : null;
  const rows = await db().contact.findMany({
    where: {
      workspaceId,
      AND: [
        ...searchWhere(q),
        ...(after ? [{ OR: [{ updatedAt: { lt: after.updatedAt } }, { updatedAt: after.updatedAt, id: { lt: after.id } }] }] : []),
      ],
    },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: contactListSelect,
  });
  const page = rows.slice(0, limit);
  return { rows: page, nextCursor: rows.length > limit ? encodeCursor(page.at(-1)!) : null };
}

/** Every contact matching `q`, page by page: what the CSV export writes. */
export async function* allContacts(workspaceId: string, q: string | undefined, pageSize = 500): AsyncGenerator<ContactListRow> {
  let cursor: string | undefined;
  do {
    const page = await listContacts(workspaceId, { q, cursor, limit: pageSize });
    yield* page.rows;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}
