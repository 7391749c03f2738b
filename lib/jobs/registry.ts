// Every kind of background work, for the runners and the dashboard. A new job
// kind is one file in lib/jobs (defineJob) and one line here; both runners
// pick it up.
import type { AnyJobDefinition } from "./definition";
import { eraseCrmContactJob } from "./erase-crm-contact";
import { extractLeadJob } from "./extract-lead";
import { followUpDueJob } from "./follow-up-due";
import { notificationWebhookJob } from "./notification-webhook";
import { processInboxJob } from "./process-inbox";
import { pushScoresJob } from "./push-scores";
import { syncLeadJob } from "./sync-lead";

export const jobDefinitions: readonly AnyJobDefinition[] = [processInboxJob, extractLeadJob, syncLeadJob, pushScoresJob, followUpDueJob, notificationWebhookJob, eraseCrmContactJob];

export const jobKinds = jobDefinitions.map((definition) => definition.kind);

export function jobDefinition(kind: string): AnyJobDefinition | undefined {
  return jobDefinitions.find((definition) => definition.kind === kind);
}
