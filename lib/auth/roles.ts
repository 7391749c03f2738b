// The roles a person can hold in a workspace, lowest first: a reviewer works
// the queue, a manager also sees the funnel and settings, an admin also manages
// members, API keys, CRM and WhatsApp settings.
export const ROLES = ["reviewer", "manager", "admin"] as const;

export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** True when `role` may do what `required` may. */
export function hasRole(role: Role, required: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(required);
}
