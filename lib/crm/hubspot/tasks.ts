// Follow-up tasks in HubSpot: one task object per follow-up, keyed by our
// follow-up id (a unique-value task property), due at hs_timestamp, associated
// with the contact so it shows on the contact's record, and given to the lead
// owner's HubSpot user so it lands in their task queue. A retry after a crash finds the task it made and only (re)makes the
// association; it never creates a second task.
import { CrmPermanentError } from "@/lib/crm/errors";
import type { CrmTaskInput, CrmTaskResult } from "@/lib/crm/types";
import { associateDefaults } from "./associations";
import { ensureByKey } from "./by-key";
import type { HubSpotGateway } from "./gateway";
import { ownerProperty } from "./owners";
import { FOLLOW_UP_ID_PROPERTY } from "./properties";

/** HUBSPOT_DEFINED association type "task to contact" (what v4 "default" creates). */
export const TASK_TO_CONTACT = 204;

export function toTaskProperties(task: CrmTaskInput): Record<string, string> {
  if (Number.isNaN(task.dueAt.getTime())) throw new RangeError("Task due time is not a valid date");
  return {
    hs_timestamp: task.dueAt.toISOString(),
    hs_task_subject: task.subject,
    hs_task_body: task.body ?? "",
    hs_task_status: "NOT_STARTED",
    hs_task_priority: task.priority,
    hs_task_type: task.type,
  };
}

/** `ownerId`: the HubSpot owner of a new task (a task made earlier keeps its own). */
export async function createTask(gateway: HubSpotGateway, task: CrmTaskInput, ownerId: string | null = null): Promise<CrmTaskResult> {
  const properties = { ...toTaskProperties(task), ...ownerProperty(ownerId) };
  const created = await ensureByKey(gateway, { type: "tasks", property: FOLLOW_UP_ID_PROPERTY, value: task.followUpId }, properties);
  const associated = (await associateDefaults(gateway, "tasks", "contacts", [{ index: 0, fromId: created.id, toId: task.crmContactId }])).get(0);
  if (associated && !associated.ok) throw new CrmPermanentError(`HubSpot did not associate the task with its contact: ${associated.reason}`, associated.status);
  return { crmTaskId: created.id };
}
