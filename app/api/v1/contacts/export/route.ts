// GET /api/v1/contacts/export?q= (reviewers, API keys): the filtered contact
// list as CSV (every matching contact, not one page), streamed.
import { csvLine } from "@/lib/contacts/csv";
import { allContacts, contactFiltersFrom } from "@/lib/contacts/queries";
import { withWorkspace } from "@/lib/http/route";

const HEADER = ["id", "name", "email", "phone", "company", "product_interest", "urgency", "lead_score", "created_at", "updated_at"];

export const GET = withWorkspace(async (request, { principal }) => {
  const { q } = contactFiltersFrom(new URL(request.url).searchParams);
  const rows = allContacts(principal.workspaceId, q);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(csvLine(HEADER)));
    },
    async pull(controller) {
      const next = await rows.next();
      if (next.done) return controller.close();
      const contact = next.value;
      controller.enqueue(
        encoder.encode(
          csvLine([contact.id, contact.name, contact.email, contact.phoneE164, contact.company, contact.productInterest, contact.urgencyLevel, contact.leadScore, contact.createdAt.toISOString(), contact.updatedAt.toISOString()]),
        ),
      );
    },
  });
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="contacts-${stamp}.csv"`, "cache-control": "no-store" },
  });
});
