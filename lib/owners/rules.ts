// Who owns a new lead, by the workspace's rules (Settings -> CRM): the first
// rule naming the lead's product, else the first naming its conversation's
// language, else the next member of the round-robin. Pure: the members and the
// rotation counter come from the caller (lib/owners/assign.ts).
import { z } from "zod";

export const ownerRulesSchema = z
  .object({
    byProduct: z.array(z.object({ product: z.string().trim().min(1).max(120), userId: z.uuid() }).strict()).max(200).default([]),
    byLanguage: z
      .array(z.object({ language: z.string().trim().toLowerCase().regex(/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/, "must be a language code such as pt, es or hi-en"), userId: z.uuid() }).strict())
      .max(100)
      .default([]),
    /** Members who take turns; empty: no round-robin. */
    roundRobin: z.array(z.uuid()).max(200).transform((ids) => [...new Set(ids)]).default([]),
  })
  .strict();
export type OwnerRules = z.infer<typeof ownerRulesSchema>;

export const NO_OWNER_RULES: OwnerRules = { byProduct: [], byLanguage: [], roundRobin: [] };

/** Stored rules, read leniently: anything unreadable assigns nobody rather than failing extraction. */
export function readOwnerRules(stored: unknown): OwnerRules {
  const parsed = ownerRulesSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : NO_OWNER_RULES;
}

export type OwnerChoice = { userId: string; rule: "product" | "language" | "round_robin" } | null;

const same = (a: string | null, b: string) => a !== null && a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * The owner the rules give a lead. Rules naming someone who is no longer a
 * member are skipped. `rotation` is how many turns the round-robin has given;
 * the caller advances it only when the result's rule is round_robin.
 */
export function chooseOwner(rules: OwnerRules, lead: { product: string | null; language: string | null }, members: ReadonlySet<string>, rotation: number): OwnerChoice {
  const byProduct = rules.byProduct.find((rule) => same(lead.product, rule.product) && members.has(rule.userId));
  if (byProduct) return { userId: byProduct.userId, rule: "product" };
  const byLanguage = rules.byLanguage.find((rule) => same(lead.language, rule.language) && members.has(rule.userId));
  if (byLanguage) return { userId: byLanguage.userId, rule: "language" };
  const pool = rules.roundRobin.filter((userId) => members.has(userId));
  if (pool.length === 0) return null;
  return { userId: pool[rotation % pool.length]!, rule: "round_robin" };
}

/** The rules' mistakes against the workspace's members, each with its path (for a 422). */
export function ownerRuleProblems(rules: OwnerRules, members: ReadonlySet<string>): { path: string; message: string }[] {
  const notMember = (userId: string) => !members.has(userId);
  return [
    ...rules.byProduct.flatMap((rule, index) => (notMember(rule.userId) ? [{ path: `byProduct.${index}.userId`, message: "is not a member of this workspace" }] : [])),
    ...rules.byLanguage.flatMap((rule, index) => (notMember(rule.userId) ? [{ path: `byLanguage.${index}.userId`, message: "is not a member of this workspace" }] : [])),
    ...rules.roundRobin.flatMap((userId, index) => (notMember(userId) ? [{ path: `roundRobin.${index}`, message: "is not a member of this workspace" }] : [])),
  ];
}
