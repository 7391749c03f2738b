// A local fake of one HubSpot account's API (v3 objects, properties, owners and
// deal pipelines, v4 associations, account details), for testing the HubSpot
// adapter through the official client. It serves the paths and bodies
// @hubspot/api-client sends and answers as HubSpot does: Bearer auth (401), 409
// on a duplicate email, 400 on unknown properties, owners, pipelines or stages
// and on batches over 100, 429 over 100 requests per 10 s or 4 searches per
// second (with X-HubSpot-RateLimit-* headers on every answer), search index lag,
// injected 500s or hangs or answers lost after the write landed, invalid
// emails, and outages (every request throttled or failing until ended). Batch
// writes (create, upsert, update) answer per input when every input carries
// an objectWriteTraceId (207 Multi-Status: each refused input in `errors`, its
// trace id in the error's context), else one bad input fails the whole batch
// (400), as HubSpot does; batch reads answer 207 naming the ids not found.
// Batch upsert takes only a unique-value property as idProperty. v4 batch
// associations: default associations for many pairs, and the associations of
// many records read at once. Several accounts
// behind one address (one per token, as HubSpot is):
// tests/fakes/hubspot-accounts.ts. GDPR delete (POST
// /crm/v3/objects/contacts/gdpr-delete) removes a contact for good. Its
// in-memory store is public so tests assert what a HubSpot user would see.
import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo, Socket } from "node:net";

export interface FakeObject {
  id: string;
  properties: Record<string, string>;
  createdAt: number;
  updatedAt: number;
}
export interface FakeAssociation { fromType: string; fromId: string; toType: string; toId: string; associationTypeId: number }
export interface FakeProperty { name: string; label: string; type: string; fieldType: string; groupName: string; hasUniqueValue: boolean }
export interface FakeOwner { id: string; email: string; firstName: string; lastName: string; userId: number }
export interface FakePipeline { id: string; label: string; stages: { id: string; label: string }[] }
export interface FakeRequest { method: string; path: string; body: unknown; status: number; /** When it arrived (ms). */ at: number }

export interface FakeHubSpotOptions {
  accessToken?: string;
  /** Requests per window per account (HubSpot Free/Starter: 100 per 10 s). */
  rateLimit?: { limit: number; windowMs: number };
  /** Search requests per window (HubSpot: 4 per second). */
  searchLimit?: { limit: number; windowMs: number };
  batchLimit?: number;
  /** Objects younger than this are not yet found by search, as in HubSpot's index. */
  searchLagMs?: number;
  /** Sent as Retry-After (seconds) on a 429 when set; HubSpot usually sends none. */
  retryAfterSeconds?: number;
  /** The account (portal) as GET /account-info/v3/details describes it. */
  portalId?: number;
  portalName?: string;
  timeZone?: string;
  uiDomain?: string;
  /** Requests per day, reported in X-HubSpot-RateLimit-Daily. */
  dailyLimit?: number;
  /** Object types on which creating a property is refused (an account or plan that does not allow it). */
  refusePropertiesOn?: ObjectType[];
}

type ObjectType = "contacts" | "deals" | "tasks" | "notes";
const OBJECT_TYPES: readonly ObjectType[] = ["contacts", "deals", "tasks", "notes"];
// associationTypeId -> the types it joins (HUBSPOT_DEFINED).
const ASSOCIATION_TYPES: Record<number, { from: ObjectType; to: ObjectType }> = {
  1: { from: "contacts", to: "contacts" },
  3: { from: "deals", to: "contacts" },
  4: { from: "contacts", to: "deals" },
  202: { from: "notes", to: "contacts" },
  214: { from: "notes", to: "deals" },
  204: { from: "tasks", to: "contacts" },
  216: { from: "tasks", to: "deals" },
};
// The default (unlabeled) association type between two object types, as v4 "default" uses.
const DEFAULT_ASSOCIATION_TYPES: Record<string, number> = Object.fromEntries(
  Object.entries(ASSOCIATION_TYPES).filter(([id]) => id !== "1").map(([id, types]) => [`${types.from}->${types.to}`, Number(id)]),
);
const DEFAULT_PROPERTIES: Record<ObjectType, string[]> = {
  contacts: ["email", "firstname", "lastname", "phone", "mobilephone", "company", "hubspot_owner_id", "hs_object_id", "createdate", "lastmodifieddate"],
  deals: ["dealname", "pipeline", "dealstage", "amount", "closedate", "hubspot_owner_id", "hs_object_id", "createdate", "hs_lastmodifieddate"],
  tasks: ["hs_timestamp", "hs_task_subject", "hs_task_body", "hs_task_status", "hs_task_priority", "hs_task_type", "hubspot_owner_id", "hs_object_id", "hs_createdate"],
  notes: ["hs_timestamp", "hs_note_body", "hubspot_owner_id", "hs_object_id", "hs_createdate"],
};
// HubSpot's default deal pipeline, present in every account.
const SALES_PIPELINE: FakePipeline = {
  id: "default",
  label: "Sales Pipeline",
  stages: [
    { id: "appointmentscheduled", label: "Appointment Scheduled" },
    { id: "qualifiedtobuy", label: "Qualified To Buy" },
    { id: "presentationscheduled", label: "Presentation Scheduled" },
    { id: "decisionmakerboughtin", label: "Decision Maker Bought-In" },
    { id: "contractsent", label: "Contract Sent" },
    { id: "closedwon", label: "Closed Won" },
    { id: "closedlost", label: "Closed Lost" },
  ],
};
let nextPortalId = 7_000_001;
const ENUMS: Record<string, string[]> = {
  hs_task_status: ["NOT_STARTED", "COMPLETED", "IN_PROGRESS", "WAITING", "DEFERRED"],
  hs_task_priority: ["LOW", "MEDIUM", "HIGH", "NONE"],
  hs_task_type: ["EMAIL", "CALL", "TODO", "LINKED_IN", "LINKED_IN_MESSAGE"],
};

// What HubSpot accepts as an email address (roughly: one @, a dot in the domain).
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

class HttpError extends Error {
  constructor(readonly status: number, readonly body: Record<string, unknown>, readonly headers: Record<string, string> = {}) {
    super(String(body.message));
  }
}
const errorBody = (message: string, category: string, extra: Record<string, unknown> = {}) =>
  ({ status: "error", message, correlationId: randomUUID(), category, ...extra });

const perType = <T>(make: () => T): Record<ObjectType, T> => Object.fromEntries(OBJECT_TYPES.map((type) => [type, make()])) as Record<ObjectType, T>;

export class FakeHubSpot {
  readonly objects: Record<ObjectType, Map<string, FakeObject>> = perType(() => new Map());
  readonly associations: FakeAssociation[] = [];
  readonly properties: Record<ObjectType, Map<string, FakeProperty>> = perType(() => new Map());
  readonly groups: Record<ObjectType, Map<string, { name: string; label: string }>> = perType(() => new Map());
  /** The account's users who can own records (GET /crm/v3/owners). */
  readonly owners: FakeOwner[] = [];
  readonly pipelines: FakePipeline[] = [structuredClone(SALES_PIPELINE)];
  /** Every request answered (or rejected), oldest first. */
  readonly requests: FakeRequest[] = [];
  url = "";

  private readonly options: Required<Omit<FakeHubSpotOptions, "retryAfterSeconds" | "portalName">> & { retryAfterSeconds?: number; portalName?: string };
  private server: http.Server | undefined;
  private readonly sockets = new Set<Socket>();
  private readonly acceptedAt: number[] = [];
  private readonly searchesAt: number[] = [];
  /** Injected faults, oldest first; one with a path waits for a request to a matching path. */
  private faults: { kind: "error" | "hang"; path?: RegExp }[] = [];
  private readonly lostAnswers: { path: RegExp; count: number }[] = [];
  private outageKind: "throttling" | "failing" | undefined;
  private nextId = 1001;

  constructor(options: FakeHubSpotOptions = {}) {
    this.options = {
      accessToken: options.accessToken ?? "fake-hubspot-token",
      rateLimit: options.rateLimit ?? { limit: 100, windowMs: 10_000 },
      searchLimit: options.searchLimit ?? { limit: 4, windowMs: 1_000 },
      batchLimit: options.batchLimit ?? 100,
      searchLagMs: options.searchLagMs ?? 0,
      retryAfterSeconds: options.retryAfterSeconds,
      portalId: options.portalId ?? nextPortalId++,
      portalName: options.portalName,
      timeZone: options.timeZone ?? "US/Eastern",
      uiDomain: options.uiDomain ?? "app.hubspot.com",
      dailyLimit: options.dailyLimit ?? 250_000,
      refusePropertiesOn: options.refusePropertiesOn ?? [],
    };
    for (const type of OBJECT_TYPES) {
      this.groups[type].set(`${type.replace(/s$/, "")}information`, { name: `${type.replace(/s$/, "")}information`, label: "Information" });
      for (const name of DEFAULT_PROPERTIES[type]) {
        this.properties[type].set(name, { name, label: name, type: "string", fieldType: "text", groupName: `${type.replace(/s$/, "")}information`, hasUniqueValue: name === "email" || name === "hs_object_id" });
      }
    }
  }

  get accessToken(): string { return this.options.accessToken; }
  get portalId(): number { return this.options.portalId; }

  /** Adds a user who can own records; returns the owner id. */
  addOwner(owner: { email: string; firstName?: string; lastName?: string }): string {
    const id = String(this.nextId++);
    this.owners.push({ id, email: owner.email, firstName: owner.firstName ?? "", lastName: owner.lastName ?? "", userId: Number(id) + 50_000 });
    return id;
  }

  /** Adds a deal pipeline with its stages (ids made up, as HubSpot does); returns it. */
  addPipeline(label: string, stageLabels: string[]): FakePipeline {
    const pipeline = { id: String(this.nextId++), label, stages: stageLabels.map((stageLabel) => ({ id: String(this.nextId++), label: stageLabel })) };
    this.pipelines.push(pipeline);
    return pipeline;
  }

  /** A salesperson edits a record in HubSpot. */
  edit(type: ObjectType, id: string, properties: Record<string, string>): void {
    const object = this.objects[type].get(id);
    if (!object) throw new Error(`no ${type} ${id}`);
    Object.assign(object.properties, properties);
    object.updatedAt = Date.now();
  }

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    this.server.on("connection", (socket) => {
      this.sockets.add(socket);
      socket.on("close", () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** The next `count` requests answer 500 Internal Server Error. */
  failNext(count = 1): void { this.faults.push(...Array.from({ length: count }, () => ({ kind: "error" as const }))); }
  /** The next `count` requests are never answered (until stop()). */
  hangNext(count = 1): void { this.faults.push(...Array.from({ length: count }, () => ({ kind: "hang" as const }))); }
  /** The next request to a path matching `path` is never answered (until stop()); others are answered. */
  hangNextTo(path: RegExp): void { this.faults.push({ kind: "hang", path }); }
  /**
   * The next `count` requests to a path matching `path` are carried out, then
   * their connection drops before the answer (the write landed, the caller
   * cannot know: a timeout or a crash between HubSpot's write and ours).
   */
  loseAnswerNext(path: RegExp, count = 1): void { this.lostAnswers.push({ path, count }); }

  /** Until endOutage(), every request is answered 429 (throttling) or 500 (failing), as during an incident. */
  outage(kind: "throttling" | "failing"): void { this.outageKind = kind; }
  endOutage(): void { this.outageKind = undefined; }

  /** Adds an object as if someone had created it in HubSpot; returns its id. */
  seed(type: ObjectType, properties: Record<string, string>, createdAt = 0): string {
    return this.insert(type, properties, createdAt).id;
  }

  contactsWith(property: string, value: string): FakeObject[] {
    return [...this.objects.contacts.values()].filter((o) => o.properties[property]?.toLowerCase() === value.toLowerCase());
  }

  /** The most requests it accepted within any `windowMs` (how close callers came to its limit). */
  busiestWindow(windowMs: number, path?: RegExp): number {
    const times = this.requests.filter((r) => r.status !== 429 && (!path || path.test(r.path))).map((r) => r.at).sort((a, b) => a - b);
    let most = 0;
    for (let first = 0, last = 0; last < times.length; last++) {
      while (times[last]! - times[first]! >= windowMs) first++;
      most = Math.max(most, last - first + 1);
    }
    return most;
  }

  associationsOf(fromType: ObjectType, fromId: string): FakeAssociation[] {
    return this.associations.filter((a) => a.fromType === fromType && a.fromId === fromId);
  }

  // --- HTTP plumbing --------------------------------------------------------

  /** Answers one request to this account (the multi-account server calls it for the token's account). */
  async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://fake");
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    const method = req.method ?? "GET";
    const at = Date.now();
    let body: unknown;
    const record = (status: number) => void this.requests.push({ method, path: url.pathname, body, status, at });
    try {
      body = text ? JSON.parse(text) : undefined;
      if (req.headers.authorization !== `Bearer ${this.options.accessToken}`) {
        throw new HttpError(401, errorBody("Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview", "INVALID_AUTHENTICATION"));
      }
      if (this.outageKind === "throttling") {
        throw new HttpError(429, { status: "error", message: "You have reached your secondly limit.", errorType: "RATE_LIMIT", correlationId: randomUUID(), policyName: "TEN_SECONDLY_ROLLING" });
      }
      if (this.outageKind === "failing") throw new HttpError(502, errorBody("Bad gateway", "INTERNAL_ERROR"));
      const faultAt = this.faults.findIndex((candidate) => !candidate.path || candidate.path.test(url.pathname));
      const fault = faultAt === -1 ? undefined : this.faults.splice(faultAt, 1)[0]!.kind;
      if (fault === "hang") return record(0);
      if (fault === "error") throw new HttpError(500, errorBody("internal error", "INTERNAL_ERROR"));
      this.checkRateLimits(url.pathname);
      const [status, payload] = this.route(method, url, body);
      record(status);
      const lost = this.lostAnswers.find((loss) => loss.count > 0 && loss.path.test(url.pathname));
      if (lost) {
        lost.count -= 1;
        return void res.socket?.destroy();
      }
      this.send(res, status, payload);
    } catch (error) {
      const failure = error instanceof HttpError ? error
        : new HttpError(400, errorBody(`Invalid input JSON: ${(error as Error).message}`, "VALIDATION_ERROR"));
      record(failure.status);
      this.send(res, failure.status, failure.body, failure.headers);
    }
  }

  private send(res: http.ServerResponse, status: number, payload: unknown, headers: Record<string, string> = {}): void {
    const { limit, windowMs } = this.options.rateLimit;
    const limits = {
      "x-hubspot-ratelimit-max": String(limit),
      "x-hubspot-ratelimit-interval-milliseconds": String(windowMs),
      "x-hubspot-ratelimit-remaining": String(Math.max(0, limit - this.acceptedAt.length)),
      "x-hubspot-ratelimit-daily": String(this.options.dailyLimit),
      "x-hubspot-ratelimit-daily-remaining": String(Math.max(0, this.options.dailyLimit - this.requests.length)),
    };
    res.writeHead(status, { "content-type": "application/json;charset=utf-8", ...limits, ...headers });
    res.end(payload === undefined ? "" : JSON.stringify(payload));
  }

  private checkRateLimits(path: string): void {
    const now = Date.now();
    const retryAfter: Record<string, string> =
      this.options.retryAfterSeconds === undefined ? {} : { "retry-after": String(this.options.retryAfterSeconds) };
    const { limit, windowMs } = this.options.rateLimit;
    while (this.acceptedAt.length > 0 && this.acceptedAt[0]! <= now - windowMs) this.acceptedAt.shift();
    if (this.acceptedAt.length >= limit) {
      throw new HttpError(429, { status: "error", message: "You have reached your secondly limit.", errorType: "RATE_LIMIT", correlationId: randomUUID(), policyName: "TEN_SECONDLY_ROLLING", groupName: "publicapi:private-app:fake" }, retryAfter);
    }
    if (path.endsWith("/search")) {
      const search = this.options.searchLimit;
      while (this.searchesAt.length > 0 && this.searchesAt[0]! <= now - search.windowMs) this.searchesAt.shift();
      if (this.searchesAt.length >= search.limit) {
        throw new HttpError(429, { status: "error", message: "You have reached your secondly limit.", errorType: "RATE_LIMIT", correlationId: randomUUID(), policyName: "SECONDLY" }, retryAfter);
      }
      this.searchesAt.push(now);
    }
    this.acceptedAt.push(now);
  }

  // --- Routes ---------------------------------------------------------------

  private route(method: string, url: URL, body: unknown): [number, unknown] {
    const parts = url.pathname.split("/").filter(Boolean); // crm, v3|v4, objects|properties, ...
    const path = `/${parts.join("/")}`; // the client sends some paths with a trailing slash
    if (path === "/account-info/v3/details" && method === "GET") return [200, this.accountDetails()];
    if (parts[0] === "crm" && parts[1] === "v4" && method === "PUT") return [200, this.associateDefault(parts)];
    if (parts[0] === "crm" && parts[1] === "v4" && parts[2] === "associations" && parts[5] === "batch" && method === "POST") {
      return this.associationsBatch(parts[3] as ObjectType, parts[4] as ObjectType, parts.slice(6).join("/"), (body ?? {}) as Record<string, unknown>);
    }
    if (parts[0] === "crm" && parts[1] === "v4" && method === "GET" && parts[5] === "associations") return [200, this.listAssociations(parts, url.searchParams)];
    if (path === "/crm/v3/owners" && method === "GET") return [200, this.listOwners(url.searchParams.get("email"))];
    if (path === "/crm/v3/pipelines/deals" && method === "GET") return [200, { results: this.pipelines.map((pipeline, index) => presentPipeline(pipeline, index)) }];
    if (parts[0] !== "crm" || parts[1] !== "v3") throw notFound(url.pathname);
    const type = parts[3] as ObjectType;
    if (!OBJECT_TYPES.includes(type)) throw notFound(url.pathname);
    const input = (body ?? {}) as Record<string, unknown>;
    if (parts[2] === "objects") {
      const [, , , , action, sub] = parts;
      if (method === "POST" && action === undefined) return [201, this.present(this.create(type, input))];
      if (method === "POST" && action === "search") return [200, this.search(type, input)];
      if (method === "POST" && action === "gdpr-delete" && type === "contacts") return [204, this.gdprDelete(input)];
      if (method === "POST" && action === "batch" && sub) return this.batch(type, sub, input);
      if (method === "GET" && action) return [200, this.present(this.find(type, action, url.searchParams.get("idProperty")), url.searchParams.get("properties")?.split(","))];
      if (method === "PATCH" && action) return [200, this.present(this.update(type, this.find(type, action, url.searchParams.get("idProperty")), input.properties))];
    }
    if (parts[2] === "properties") {
      if (parts[4] === "groups") {
        if (method === "GET") return [200, { results: [...this.groups[type].values()].map((g) => ({ ...g, displayOrder: -1, archived: false })) }];
        if (method === "POST") {
          const name = String(input.name);
          if (this.groups[type].has(name)) throw new HttpError(409, errorBody(`A property group named '${name}' already exists.`, "OBJECT_ALREADY_EXISTS"));
          this.groups[type].set(name, { name, label: String(input.label) });
          return [201, { name, label: input.label, displayOrder: -1, archived: false }];
        }
      } else if (parts.length === 4) {
        if (method === "GET") return [200, { results: [...this.properties[type].values()] }];
        if (method === "POST") return [201, this.createProperty(type, input)];
      }
    }
    throw notFound(url.pathname);
  }

  private accountDetails(): Record<string, unknown> {
    const { portalId, portalName, timeZone, uiDomain } = this.options;
    return { portalId, ...(portalName ? { portalName } : {}), accountType: "STANDARD", timeZone, companyCurrency: "USD", additionalCurrencies: [], utcOffset: "-05:00", utcOffsetMilliseconds: -18_000_000, uiDomain, dataHostingLocation: "na1" };
  }

  private listOwners(email: string | null): unknown {
    const found = this.owners.filter((owner) => !email || owner.email.toLowerCase() === email.toLowerCase());
    const at = new Date(0).toISOString();
    return { results: found.map((owner) => ({ ...owner, type: "PERSON", createdAt: at, updatedAt: at, archived: false })) };
  }

  /** Adds an association unless the same one exists (associating twice is harmless in HubSpot). */
  private associateOnce(link: FakeAssociation): void {
    const same = (a: FakeAssociation) => a.fromId === link.fromId && a.toId === link.toId && a.fromType === link.fromType && a.toType === link.toType && a.associationTypeId === link.associationTypeId;
    if (!this.associations.some(same)) this.associations.push(link);
  }

  /** GET /crm/v4/objects/{from}/{id}/associations/{to}: both directions, as HubSpot lists them. */
  /** One page (at most 500, as HubSpot) of an object's associations to a type; `after` names the next. */
  private listAssociations(parts: string[], query: URLSearchParams): unknown {
    const [, , , fromType, fromId, , toType] = parts as [string, string, string, ObjectType, string, string, ObjectType];
    if (!this.objects[fromType]?.has(fromId)) throw new HttpError(404, errorBody(`No ${fromType} with id ${fromId}`, "OBJECT_NOT_FOUND"));
    const ids = new Map<string, number>();
    for (const a of this.associations) {
      if (a.fromType === fromType && a.fromId === fromId && a.toType === toType) ids.set(a.toId, a.associationTypeId);
      if (a.toType === fromType && a.toId === fromId && a.fromType === toType) ids.set(a.fromId, a.associationTypeId);
    }
    const limit = Math.min(Number(query.get("limit") ?? 500) || 500, 500);
    const start = Number(query.get("after") ?? 0) || 0;
    const page = [...ids].slice(start, start + limit);
    const next = start + limit < ids.size ? { paging: { next: { after: String(start + limit), link: "" } } } : {};
    return { results: page.map(([toObjectId, typeId]) => ({ toObjectId: Number(toObjectId), associationTypes: [{ category: "HUBSPOT_DEFINED", typeId, label: null }] })), ...next };
  }

  private createProperty(type: ObjectType, input: Record<string, unknown>): FakeProperty {
    if (this.options.refusePropertiesOn.includes(type)) {
      throw new HttpError(400, errorBody(`Unable to create property on ${type}: custom properties are not allowed for this object in this account`, "VALIDATION_ERROR"));
    }
    const property = { name: String(input.name), label: String(input.label), type: String(input.type), fieldType: String(input.fieldType), groupName: String(input.groupName), hasUniqueValue: input.hasUniqueValue === true };
    if (this.properties[type].has(property.name)) {
      throw new HttpError(409, errorBody(`Property named '${property.name}' already exists.`, "OBJECT_ALREADY_EXISTS"));
    }
    if (!this.groups[type].has(property.groupName)) {
      throw new HttpError(400, errorBody(`Unable to find group ${property.groupName}`, "VALIDATION_ERROR"));
    }
    this.properties[type].set(property.name, property);
    return property;
  }

  private batch(type: ObjectType, action: string, input: Record<string, unknown>): [number, unknown] {
    const inputs = Array.isArray(input.inputs) ? (input.inputs as Array<Record<string, unknown>>) : [];
    this.assertBatchSize(inputs.length);
    if (action === "read") {
      const idProperty = (input.idProperty as string | undefined) ?? null;
      const wanted = inputs.map((item) => String(item.id));
      const byKey = this.indexBy(type, idProperty);
      const found = wanted.map((id) => (byKey ? byKey.get(id.toLowerCase()) : this.findOptional(type, id, idProperty)));
      const missing = wanted.filter((_, index) => !found[index]);
      const results = found.flatMap((object) => (object ? [this.present(object, input.properties as string[] | undefined)] : []));
      const errors = missing.length === 0 ? [] : [{
        status: "error", category: "OBJECT_NOT_FOUND", context: { ids: missing },
        message: `Could not get some ${type.replace(/s$/, "").toUpperCase()} objects, they may be deleted or not exist. Check that ids are valid.`,
      }];
      return batchAnswer(results, errors, 200);
    }
    // Per idProperty, the objects by key, built once for this batch (and kept current by its inserts).
    const keyIndexes = new Map<string, Map<string, FakeObject>>();
    const write = (item: Record<string, unknown>): Record<string, unknown> => {
      if (action === "create") {
        if (type === "contacts") this.assertEmailFree(item.properties);
        return this.present(this.create(type, item));
      }
      if (action === "update") {
        const existing = this.find(type, String(item.id), (item.idProperty as string | undefined) ?? null);
        return this.present(this.update(type, existing, item.properties));
      }
      if (action === "upsert") {
        this.validate(type, item.properties);
        const idProperty = (item.idProperty as string | undefined) ?? "hs_object_id";
        if (!this.properties[type].get(idProperty)?.hasUniqueValue) {
          throw new HttpError(400, errorBody(`Property ${idProperty} is not a unique identifier property and cannot be used as idProperty`, "VALIDATION_ERROR"));
        }
        const byKey = keyIndexes.get(idProperty) ?? this.indexBy(type, idProperty);
        if (byKey) keyIndexes.set(idProperty, byKey);
        const existing = byKey ? byKey.get(String(item.id).toLowerCase()) : this.findOptional(type, String(item.id), idProperty);
        if (existing) return { ...this.present(this.update(type, existing, item.properties)), new: false };
        const properties = { ...(item.properties as Record<string, string>), [idProperty]: String(item.id) };
        const inserted = this.insert(type, properties);
        byKey?.set(String(item.id).toLowerCase(), inserted);
        return { ...this.present(inserted), new: true };
      }
      throw notFound(`batch/${action}`);
    };
    const success = action === "create" ? 201 : 200;
    const traced = inputs.length > 0 && inputs.every((item) => typeof item.objectWriteTraceId === "string");
    if (!traced) {
      // One bad input refuses the batch, and nothing of it is written.
      for (const item of inputs) {
        if (action !== "update") this.validate(type, item.properties);
        if (action === "create" && type === "contacts") this.assertEmailFree(item.properties);
      }
      return batchAnswer(inputs.map(write), [], success);
    }
    const results: Record<string, unknown>[] = [];
    const errors: Record<string, unknown>[] = [];
    for (const item of inputs) {
      try {
        results.push({ ...write(item), objectWriteTraceId: item.objectWriteTraceId });
      } catch (error) {
        if (!(error instanceof HttpError) || error.status >= 500) throw error;
        errors.push({ ...error.body, context: { objectWriteTraceId: [item.objectWriteTraceId] } });
      }
    }
    return batchAnswer(results, errors, success);
  }

  /** The objects of a type by the lowercased value of a property (one pass, for a batch); none for the object id. */
  private indexBy(type: ObjectType, property: string | null): Map<string, FakeObject> | undefined {
    if (!property || property === "hs_object_id") return undefined;
    const index = new Map<string, FakeObject>();
    for (const object of this.objects[type].values()) {
      const value = object.properties[property]?.toLowerCase();
      if (value && !index.has(value)) index.set(value, object);
    }
    return index;
  }

  private assertBatchSize(count: number): void {
    if (count > this.options.batchLimit) {
      throw new HttpError(400, errorBody(`Too many inputs: ${count} is greater than the limit of ${this.options.batchLimit}`, "VALIDATION_ERROR", { context: { inputs: [String(count)] } }));
    }
  }

  /**
   * POST /crm/v4/associations/{from}/{to}/batch/associate/default (each pair
   * whose two objects exist gets the default association; the others are
   * errors) and .../batch/read (each record's associated ids, a page of 500
   * per record with `after`; records that do not exist are errors).
   */
  private associationsBatch(fromType: ObjectType, toType: ObjectType, action: string, input: Record<string, unknown>): [number, unknown] {
    if (!OBJECT_TYPES.includes(fromType) || !OBJECT_TYPES.includes(toType)) throw notFound(`/crm/v4/associations/${fromType}/${toType}`);
    const inputs = Array.isArray(input.inputs) ? (input.inputs as Array<Record<string, unknown>>) : [];
    if (action === "associate/default") {
      this.assertBatchSize(inputs.length);
      const associationTypeId = DEFAULT_ASSOCIATION_TYPES[`${fromType}->${toType}`];
      if (!associationTypeId) throw new HttpError(400, errorBody(`No default association from ${fromType} to ${toType}`, "VALIDATION_ERROR"));
      const results: unknown[] = [];
      const errors: unknown[] = [];
      for (const item of inputs) {
        const fromId = String((item.from as { id?: unknown } | undefined)?.id);
        const toId = String((item.to as { id?: unknown } | undefined)?.id);
        if (!this.objects[fromType].has(fromId) || !this.objects[toType].has(toId)) {
          errors.push({ status: "error", category: "VALIDATION_ERROR", context: { fromObjectId: [fromId], toObjectId: [toId] },
            message: `One or more objects do not exist: ${fromType} ${fromId}, ${toType} ${toId}` });
          continue;
        }
        const link = { fromType, fromId, toType, toId, associationTypeId };
        this.associateOnce(link);
        results.push({ from: { id: fromId }, to: { id: toId }, associationSpec: { associationCategory: "HUBSPOT_DEFINED", associationTypeId } });
      }
      return batchAnswer(results, errors, 200);
    }
    if (action === "read") {
      if (inputs.length > 1_000) throw new HttpError(400, errorBody(`Too many inputs: ${inputs.length} is greater than the limit of 1000`, "VALIDATION_ERROR"));
      const results: unknown[] = [];
      const missing: string[] = [];
      for (const item of inputs) {
        const id = String(item.id);
        if (!this.objects[fromType].has(id)) {
          missing.push(id);
          continue;
        }
        const query = new URLSearchParams(item.after ? { after: String(item.after) } : {});
        const page = this.listAssociations(["crm", "v4", "objects", fromType, id, "associations", toType], query) as { results: unknown[]; paging?: unknown };
        results.push({ from: { id }, to: page.results, ...(page.paging ? { paging: page.paging } : {}) });
      }
      const errors = missing.length === 0 ? [] : [{ status: "error", category: "OBJECT_NOT_FOUND", context: { fromObjectId: missing }, message: `No ${fromType} with ids ${missing.join(", ")}` }];
      return batchAnswer(results, errors, 200);
    }
    throw notFound(`/crm/v4/associations/${fromType}/${toType}/batch/${action}`);
  }

  /** PUT /crm/v4/objects/{from}/{fromId}/associations/default/{to}/{toId}; idempotent. */
  private associateDefault(parts: string[]): unknown {
    const [, , , fromType, fromId, , label, toType, toId] = parts as [string, string, string, ObjectType, string, string, string, ObjectType, string];
    const associationTypeId = DEFAULT_ASSOCIATION_TYPES[`${fromType}->${toType}`];
    if (label !== "default" || !associationTypeId) throw notFound(parts.join("/"));
    if (!this.objects[fromType].has(fromId) || !this.objects[toType].has(toId)) {
      throw new HttpError(400, errorBody(`One or more objects do not exist: ${fromType} ${fromId}, ${toType} ${toId}`, "VALIDATION_ERROR"));
    }
    const link = { fromType, fromId, toType, toId, associationTypeId };
    this.associateOnce(link);
    const now = new Date().toISOString();
    return { status: "COMPLETE", startedAt: now, completedAt: now, results: [
      { from: { id: fromId }, to: { id: toId }, associationSpec: { associationCategory: "HUBSPOT_DEFINED", associationTypeId } },
    ] };
  }

  // --- Store ----------------------------------------------------------------

  private create(type: ObjectType, input: Record<string, unknown>): FakeObject {
    this.validate(type, input.properties);
    const properties = input.properties as Record<string, string>;
    if (type === "contacts") this.assertEmailFree(properties);
    if ((type === "tasks" || type === "notes") && !properties.hs_timestamp) {
      throw new HttpError(400, errorBody("Property values were not valid: [{\"isValid\":false,\"message\":\"hs_timestamp is required\",\"error\":\"REQUIRED_FIELD\",\"name\":\"hs_timestamp\"}]", "VALIDATION_ERROR"));
    }
    const associations = Array.isArray(input.associations) ? (input.associations as Array<{ to?: { id?: string }; types?: Array<{ associationTypeId?: number }> }>) : [];
    const links = associations.flatMap((a) => (a.types ?? []).map((t) => ({ toId: String(a.to?.id), associationTypeId: Number(t.associationTypeId) })));
    for (const link of links) {
      const toType = ASSOCIATION_TYPES[link.associationTypeId]?.from === type ? ASSOCIATION_TYPES[link.associationTypeId]!.to : undefined;
      if (!toType || !this.objects[toType].has(link.toId)) {
        throw new HttpError(400, errorBody(`One or more associations are invalid: ${link.toId} with type ${link.associationTypeId}`, "VALIDATION_ERROR"));
      }
    }
    const created = this.insert(type, properties);
    for (const link of links) {
      this.associations.push({ fromType: type, fromId: created.id, toType: ASSOCIATION_TYPES[link.associationTypeId]!.to, toId: link.toId, associationTypeId: link.associationTypeId });
    }
    return created;
  }

  private insert(type: ObjectType, properties: Record<string, string>, createdAt = Date.now()): FakeObject {
    const id = String(this.nextId++);
    const object = { id, properties: { ...properties, hs_object_id: id }, createdAt, updatedAt: createdAt };
    this.objects[type].set(id, object);
    return object;
  }

  private update(type: ObjectType, object: FakeObject, properties: unknown): FakeObject {
    this.validate(type, properties);
    Object.assign(object.properties, properties as Record<string, string>);
    object.updatedAt = Date.now();
    return object;
  }

  private validate(type: ObjectType, properties: unknown): void {
    const problems = Object.entries((properties ?? {}) as Record<string, unknown>).flatMap(([name, value]) => {
      if (!this.properties[type].has(name)) return [{ isValid: false, message: `Property "${name}" does not exist`, error: "PROPERTY_DOESNT_EXIST", name }];
      if (ENUMS[name] && !ENUMS[name].includes(String(value))) return [{ isValid: false, message: `${String(value)} was not one of the allowed options`, error: "INVALID_OPTION", name }];
      if (name === "hubspot_owner_id" && value !== "" && !this.owners.some((owner) => owner.id === String(value))) {
        return [{ isValid: false, message: `${String(value)} is not a valid owner id`, error: "INVALID_OWNER_ID", name }];
      }
      if (type === "deals" && name === "pipeline" && !this.pipelines.some((pipeline) => pipeline.id === String(value))) {
        return [{ isValid: false, message: `${String(value)} is not a valid pipeline`, error: "INVALID_OPTION", name }];
      }
      if (type === "deals" && name === "dealstage") {
        const pipelineId = (properties as Record<string, unknown>).pipeline ?? "default";
        const pipeline = this.pipelines.find((candidate) => candidate.id === String(pipelineId));
        if (pipeline && !pipeline.stages.some((stage) => stage.id === String(value))) {
          return [{ isValid: false, message: `${String(value)} is not a valid dealstage of pipeline ${pipeline.id}`, error: "INVALID_OPTION", name }];
        }
      }
      if (type === "contacts" && name === "email" && value && !EMAIL.test(String(value))) return [{ isValid: false, message: `Email address ${String(value)} is invalid`, error: "INVALID_EMAIL", name }];
      return [];
    });
    if (problems.length > 0) throw new HttpError(400, errorBody(`Property values were not valid: ${JSON.stringify(problems)}`, "VALIDATION_ERROR"));
  }

  private assertEmailFree(properties: unknown): void {
    const email = (properties as Record<string, string> | undefined)?.email;
    const existing = email ? this.contactsWith("email", email)[0] : undefined;
    if (existing) throw new HttpError(409, errorBody(`Contact already exists. Existing ID: ${existing.id}`, "CONFLICT"));
  }

  private findOptional(type: ObjectType, id: string, idProperty: string | null): FakeObject | undefined {
    if (!idProperty || idProperty === "hs_object_id") return this.objects[type].get(id);
    const wanted = id.toLowerCase();
    for (const object of this.objects[type].values()) if (object.properties[idProperty]?.toLowerCase() === wanted) return object;
    return undefined;
  }

  private find(type: ObjectType, id: string, idProperty: string | null): FakeObject {
    const found = this.findOptional(type, id, idProperty);
    if (!found) throw new HttpError(404, errorBody("Object not found.  objectId are usually numeric.", "OBJECT_NOT_FOUND"));
    return found;
  }

  /** GDPR delete: the contact (by id, or by email with idProperty "email") is gone for good, with its associations. */
  private gdprDelete(input: Record<string, unknown>): undefined {
    if (typeof input.objectId !== "string" || input.objectId === "") throw new HttpError(400, errorBody("objectId is required", "VALIDATION_ERROR"));
    const contact = this.find("contacts", input.objectId, typeof input.idProperty === "string" ? input.idProperty : null);
    this.objects.contacts.delete(contact.id);
    for (let i = this.associations.length - 1; i >= 0; i--) {
      const association = this.associations[i]!;
      if ((association.fromType === "contacts" && association.fromId === contact.id) || (association.toType === "contacts" && association.toId === contact.id)) this.associations.splice(i, 1);
    }
    return undefined;
  }

  private search(type: ObjectType, input: Record<string, unknown>): unknown {
    const groups = (input.filterGroups ?? []) as Array<{ filters?: Array<{ propertyName: string; operator: string; value?: string }> }>;
    const visibleBefore = Date.now() - this.options.searchLagMs;
    const matches = [...this.objects[type].values()].filter((o) => o.createdAt <= visibleBefore && (groups.length === 0 || groups.some((g) =>
      (g.filters ?? []).every((f) => {
        const actual = o.properties[f.propertyName];
        if (f.operator === "EQ") return actual !== undefined && actual.toLowerCase() === String(f.value).toLowerCase();
        if (f.operator === "HAS_PROPERTY") return actual !== undefined && actual !== "";
        throw new HttpError(400, errorBody(`Unsupported operator in fake: ${f.operator}`, "VALIDATION_ERROR"));
      }))));
    const limit = Math.min(Number(input.limit ?? 10), 200);
    return { total: matches.length, results: matches.slice(0, limit).map((o) => this.present(o, input.properties as string[] | undefined)) };
  }

  /** An object as HubSpot returns it: requested properties (or the defaults), ISO dates. */
  private present(object: FakeObject, requested?: string[]): Record<string, unknown> {
    const names = requested && requested.length > 0 ? [...requested, "hs_object_id"] : Object.keys(object.properties);
    const properties = Object.fromEntries(names.map((name) => [name, object.properties[name] ?? null]));
    return { id: object.id, properties, createdAt: new Date(object.createdAt).toISOString(), updatedAt: new Date(object.updatedAt).toISOString(), archived: false };
  }
}

function presentPipeline(pipeline: FakePipeline, displayOrder: number): Record<string, unknown> {
  const at = new Date(0).toISOString();
  return {
    id: pipeline.id, label: pipeline.label, displayOrder, archived: false, createdAt: at, updatedAt: at,
    stages: pipeline.stages.map((stage, index) => ({
      id: stage.id, label: stage.label, displayOrder: index, archived: false, createdAt: at, updatedAt: at, writePermissions: "CRUD_ALL",
      metadata: { isClosed: String(index >= pipeline.stages.length - 2 && pipeline.id === "default"), probability: "0.2" },
    })),
  };
}

/** A batch answer: `success` when every input went through, 207 Multi-Status with the errors otherwise. */
function batchAnswer(results: unknown[], errors: unknown[], success: number): [number, unknown] {
  const now = new Date().toISOString();
  const body = { status: "COMPLETE", results, ...(errors.length > 0 ? { errors, numErrors: errors.length } : {}), startedAt: now, completedAt: now };
  return [errors.length > 0 ? 207 : success, body];
}

function notFound(path: string): HttpError {
  return new HttpError(404, errorBody(`Unable to route ${path}`, "OBJECT_NOT_FOUND"));
}
