// The CRM adapter interface: what LeadBridge asks of any CRM (the internal one in
// our own database, HubSpot, ...), in the product's words. Adapters translate
// these to their vendor and throw only the errors in ./errors. No Prisma here:
// the internal adapter implements this from the outside like any vendor.
export { CrmError, CrmPermanentError, CrmRateLimitError, CrmTransientError } from "./errors";

/** Which CRM an adapter talks to; stored as CrmLink.crmSystem. */
export const CRM_SYSTEMS = ["internal", "hubspot"] as const;
export type CrmSystem = (typeof CRM_SYSTEMS)[number];
/** The CRMs a workspace connects with an account of its own (the internal CRM needs no connection). */
export type ConnectableCrm = Exclude<CrmSystem, "internal">;

/** A connected CRM account as it describes itself ("Test connection" shows this). */
export interface CrmAccount {
  provider: ConnectableCrm;
  /** HubSpot: the portal (Hub) id. */
  accountId: string;
  name: string | null;
  /** IANA time zone the account is set to. */
  timeZone: string | null;
  /** Where its records open, e.g. app.hubspot.com or app-eu1.hubspot.com. */
  uiDomain: string | null;
  limits: CrmApiLimits;
}

/** The account's API limits as the CRM reported them; null when it did not say. */
export interface CrmApiLimits {
  requestsPer10s: number | null;
  dailyLimit: number | null;
  dailyRemaining: number | null;
}

/** A deal pipeline of the account and its stages, in display order. */
export interface CrmPipeline {
  id: string;
  label: string;
  stages: { id: string; label: string }[];
}

/** A contact property a labeled score can be written to. */
export interface CrmPropertyOption {
  name: string;
  label: string;
}

/** A contact (prospect) as the CRM knows it. `crmContactId` is the CRM's own id. */
export interface CrmContact {
  crmContactId: string;
  name: string | null;
  email: string | null;
  /** E.164, e.g. "+5511987654321". */
  phone: string | null;
  company: string | null;
}

/**
 * The member who owns a lead. The CRM gives the lead's records to its user with
 * this email (HubSpot: the owner with that email); the internal CRM records the member.
 */
export interface CrmOwner {
  userId: string;
  email: string;
}

/** What we know about a prospect; at least one of email or phone is required. */
export interface CrmContactInput {
  name: string;
  email?: string | null;
  /** E.164. */
  phone?: string | null;
  company?: string | null;
  owner?: CrmOwner | null;
}

export interface CrmContactUpsertResult {
  crmContactId: string;
  /** True when the CRM had no such contact and one was created. */
  created: boolean;
}

/** One record of a batch: written, or refused by the CRM for a reason of its own (the others go on). */
export type CrmBatchResult<T> = ({ ok: true } & T) | { ok: false; reason: string; /** The vendor's HTTP status for the refusal, when it said. */ status?: number };

/** One contact of a batch. */
export type CrmContactBatchResult = CrmBatchResult<CrmContactUpsertResult>;

/** A lead (HubSpot: a deal) for one conversation with a contact. */
export interface CrmLeadInput {
  crmContactId: string;
  /** Our conversation id; makes creating the lead idempotent. */
  conversationId: string;
  title: string;
  owner?: CrmOwner | null;
}

export interface CrmLeadResult {
  crmLeadId: string;
  created: boolean;
}

/**
 * Behavioral scores as labels a salesperson can act on, e.g. "Hot: ready to buy",
 * "Price", "Send a discount before Friday". Never bare numbers.
 */
export interface CrmLabeledScores {
  leadScore: string;
  primaryObjection: string;
  recommendedApproach: string;
}

/** One contact's labeled scores, in a batch. */
export interface CrmLabeledScoresUpdate {
  crmContactId: string;
  scores: CrmLabeledScores;
}

export type CrmTaskPriority = "LOW" | "MEDIUM" | "HIGH";
export type CrmTaskType = "CALL" | "EMAIL" | "TODO";

/** A follow-up to do, shown to the salesperson on the contact. */
export interface CrmTaskInput {
  crmContactId: string;
  dueAt: Date;
  subject: string;
  body?: string | null;
  priority: CrmTaskPriority;
  type: CrmTaskType;
  /** Our FollowUp id: the task's key, so each follow-up's task is created once, whatever retries. */
  followUpId: string;
  owner?: CrmOwner | null;
}

export interface CrmTaskResult {
  crmTaskId: string;
}

/** The conversation as a note on the contact and its lead: what the salesperson reads first. */
export interface CrmLeadNoteInput {
  crmContactId: string;
  crmLeadId: string | null;
  /** Our lead id; the note carries it (crmLeadNoteMarker), so a retry finds the note made before. */
  leadKey: string;
  /** The same note as plain text (CRMs without formatting) and as simple HTML. */
  text: string;
  html: string;
  at: Date;
  owner?: CrmOwner | null;
}

export interface CrmLeadNoteResult {
  crmNoteId: string;
  /** False when the lead's note already existed (a retry). */
  created: boolean;
}

export interface CrmCustomPropertiesResult {
  /** Names of fields this call created; empty when they all existed already. */
  created: string[];
}

/**
 * One CRM account (an adapter is built per workspace's connection). Every method
 * throws CrmRateLimitError, CrmTransientError or CrmPermanentError on failure.
 */
export interface CrmAdapter {
  readonly system: CrmSystem;
  /**
   * The CRM account this adapter talks to (e.g. "hubspot:<portal>"): what its
   * request budget and the Inngest throttle are kept per. Two adapters for the
   * same account must give the same key, in every process.
   */
  readonly accountKey: string;

  findContactByEmail(email: string): Promise<CrmContact | null>;
  /** `phone` in E.164. */
  findContactByPhone(phone: string): Promise<CrmContact | null>;

  /**
   * Finds the contact by email, else by phone, and updates it; creates it only
   * when none exists. Never creates a duplicate of an existing contact.
   */
  upsertContact(contact: CrmContactInput): Promise<CrmContactUpsertResult>;
  /**
   * Upserts many contacts; results are in input order. Contacts with an email
   * are matched by email (HubSpot's batch upsert is keyed by email); phone-only
   * contacts by their normalized phone, one writer per account and phone at a
   * time. A contact the CRM refuses is reported in its own result; the call
   * throws only for failures of the whole call (rate limit, outage).
   */
  upsertContacts(contacts: readonly CrmContactInput[]): Promise<CrmContactBatchResult[]>;

  /** Adds the lead's note to the contact and the lead, once per lead: a repeat returns the first. */
  addLeadNote(note: CrmLeadNoteInput): Promise<CrmLeadNoteResult>;
  /**
   * Adds many leads' notes at once (HubSpot: a few batch requests for up to
   * 100), each once per lead; results in input order, a refused note in its
   * own result. Throws only for failures of the whole call.
   */
  addLeadNotes(notes: readonly CrmLeadNoteInput[]): Promise<CrmBatchResult<CrmLeadNoteResult>[]>;

  /** Creates the lead for a conversation, or returns the one already created for it. */
  createLead(lead: CrmLeadInput): Promise<CrmLeadResult>;
  /**
   * Creates many leads at once (HubSpot: a batch read by key, a batch upsert
   * by key, a batch association), each found again by its conversation on a
   * retry; results in input order, a refused lead in its own result.
   */
  createLeads(leads: readonly CrmLeadInput[]): Promise<CrmBatchResult<CrmLeadResult>[]>;

  /** Writes the labeled scores (Lead Score, Primary Objection, Recommended Approach) on the contact. */
  setLabeledScores(crmContactId: string, scores: CrmLabeledScores): Promise<void>;
  /** Writes many contacts' labeled scores at once; results in input order, a refused one in its own result. */
  setLabeledScoresOf(updates: readonly CrmLabeledScoresUpdate[]): Promise<CrmBatchResult<object>[]>;

  /** Creates a task associated with the contact. */
  createTask(task: CrmTaskInput): Promise<CrmTaskResult>;

  /**
   * Deletes a contact for good, for a person's erasure request (HubSpot: its GDPR
   * delete, which also removes the contact's history). A contact already gone
   * counts as done: `deleted` says whether this call removed one.
   */
  deleteContact(crmContactId: string): Promise<{ deleted: boolean }>;

  /** Makes sure the CRM has the custom fields LeadBridge writes; safe to call any number of times. */
  ensureCustomProperties(): Promise<CrmCustomPropertiesResult>;
}
