// GET /api/v1/owner-rules: how new leads get an owner. PUT {byProduct: [{product,
// userId}], byLanguage: [{language, userId}], roundRobin: [userId]}: first a
// product rule, else a language rule, else the next in the round-robin; every
// userId must be a member (422 names each that is not). Admins only.
import { auditActor } from "@/lib/auth/principal";
import { readJsonBody } from "@/lib/http/body";
import { withWorkspace } from "@/lib/http/route";
import { ownerRulesOf, saveOwnerRules } from "@/lib/owners/assign";
import { ownerRulesSchema } from "@/lib/owners/rules";

export const GET = withWorkspace(async (_request, { principal }) => Response.json({ rules: await ownerRulesOf(principal.workspaceId) }), { role: "admin" });

export const PUT = withWorkspace(
  async (request, { principal }) => {
    const rules = await readJsonBody(request, ownerRulesSchema, 100_000);
    return Response.json({ rules: await saveOwnerRules(principal.workspaceId, rules, auditActor(principal)) });
  },
  { role: "admin" },
);
