// The hostile corpus: requests an attacker (or a broken client) sends first.
// Each is wrong in at least one way for every route it is sent to, so a correct
// server refuses it: wrong types, huge strings, deep nesting, unicode edge
// cases, SQL and HTML/script text where they cannot be valid, path tricks in
// ids, malformed cookies and Authorization headers, forged workspace headers,
// cross-site origins, and (for Meta's webhook) missing, altered and replayed
// signatures. Pure data: tests/integration/hostile-corpus.test.ts sends them.

/** Every field name any of our JSON bodies reads, so that each body below is invalid for every route. */
const FIELDS = [
  "version", "id", "email", "password", "name", "role", "reason", "note", "due_at", "contactId", "choices", "edits", "preview",
  "workspaceId", "crmProvider", "products", "timezone", "intentBands", "intent_score", "objection_type", "follow_up_tone",
  "currentPassword", "newPassword", "messages", "contact", "token", "channel", "phone",
] as const;

type Family = Record<(typeof FIELDS)[number], unknown>;

const sql: Family = {
  version: "1 OR 1=1", id: "' OR '1'='1", email: "x' OR 1=1 --", password: ["' OR ''='"], name: { $sql: "'; DROP TABLE users; --" },
  role: "admin'--", reason: ["'; DELETE FROM follow_ups; --"], note: ["' OR 1=1"], due_at: "2026-01-01'; DROP TABLE follow_ups; --",
  contactId: "1; DROP TABLE contacts", choices: "'; --", edits: "' OR 1=1", preview: "1=1", workspaceId: "' OR 1=1 --",
  crmProvider: "internal' --", products: "'; DROP TABLE workspaces; --", timezone: "UTC'; --", intentBands: "' OR 1=1",
  intent_score: "1 OR 1=1", objection_type: ["' OR 1=1"], follow_up_tone: ["'--"], currentPassword: ["' OR 1=1"], newPassword: ["x"],
  messages: "' OR 1=1", contact: "' OR 1=1", token: "' OR 1=1 --", channel: "whatsapp' --", phone: "+55 11 9' OR 1=1 --",
};

const html: Family = {
  version: "<script>alert(1)</script>", id: "<img src=x onerror=alert(1)>", email: "<script>@x.test", password: ["<svg onload=alert(1)>"],
  name: ["<script>alert(document.cookie)</script>"], role: "<b>admin</b>", reason: ["<iframe src=javascript:alert(1)>"],
  note: { html: "<script>" }, due_at: "<script>2026-01-01</script>", contactId: "javascript:alert(1)", choices: "{{7*7}}", edits: "${7*7}",
  preview: "<true>", workspaceId: "<a href=//evil.example>x</a>", crmProvider: "<hubspot>", products: "<li>x</li>", timezone: "<Europe/Paris>",
  intentBands: "<high>", intent_score: "<0.5>", objection_type: ["<script>"], follow_up_tone: ["<x>"], currentPassword: ["<x>"],
  newPassword: ["<x>"], messages: "<script>", contact: "<script>", token: "<script>alert(1)</script>", channel: "<whatsapp>", phone: "<script>",
};

const wrongTypes: Family = {
  version: "1", id: 5, email: 5, password: 5, name: 5, role: 5, reason: 5, note: 5, due_at: 5, contactId: 5, choices: 5, edits: 5,
  preview: "true", workspaceId: 5, crmProvider: 5, products: 5, timezone: 5, intentBands: 5, intent_score: "0.5", objection_type: 5,
  follow_up_tone: 5, currentPassword: 5, newPassword: 5, messages: 5, contact: 5, token: 5, channel: 5, phone: 5511987654321,
};

const numbers: Family = {
  ...wrongTypes,
  version: 2_147_483_648, id: 1e309, intent_score: 1e309, due_at: -8.64e15, products: [1e309], choices: [-0], preview: 0,
  name: -1, email: 9_007_199_254_740_993, reason: 1.5, note: Number.MAX_SAFE_INTEGER, timezone: -0, contactId: 0,
};

const unicode: Family = {
  version: "１", id: "\u0000", email: "\u202e@x.test", password: ["\ud800"], name: ["\u0000\u0000"], role: "ａｄｍｉｎ", reason: ["\ud83d"],
  note: ["\ufeff"], due_at: "２０２６-01-01T00:00:00Z", contactId: "\u0000", choices: "\ufeff", edits: "\u200b", preview: "\u0000",
  workspaceId: "\ud800", crmProvider: "ｉｎｔｅｒｎａｌ", products: "\u0000", timezone: "Europe/Berlin\u0000\ud800", intentBands: "\ud800",
  intent_score: "０.５", objection_type: ["\u0000"], follow_up_tone: ["\ud800"], currentPassword: ["\u0000"], newPassword: ["\ud800"],
  messages: "\u0000", contact: "\ud800", token: "\u0000", channel: "ｗｈａｔｓａｐｐ", phone: "＋５５１１９８７６５４３２１\u0000",
};

const huge: Family = Object.fromEntries(FIELDS.map((field) => [field, "A".repeat(200_000)])) as Family;

/** Wrong types everywhere, plus prototype pollution and operator injection (own "__proto__" keys, as JSON.parse makes them). */
const pollution = `${JSON.stringify(wrongTypes).slice(0, -1)},"__proto__":{"isAdmin":true,"polluted":true},"constructor":{"prototype":{"polluted":true}},"$where":"1 == 1"}`;

export type HostileBody = { label: string; body: string | Uint8Array; contentType: string | null };

const json = (label: string, value: unknown): HostileBody => ({ label, body: JSON.stringify(value), contentType: "application/json" });

/** Bodies no route accepts. `limitBytes` is the largest body limit of any route (over it: 413). */
export function hostileBodies(limitBytes: number): HostileBody[] {
  const deep = 100_000;
  return [
    { label: "not JSON", body: '{"version": 1,', contentType: "application/json" },
    { label: "empty", body: "", contentType: "application/json" },
    { label: "binary garbage", body: new Uint8Array([0xff, 0xfe, 0x00, 0x01, 0x80, 0xc3, 0x28]), contentType: "application/json" },
    { label: "JSON as text/plain", body: JSON.stringify(wrongTypes), contentType: "text/plain" },
    { label: "multipart", body: "--x\r\nContent-Disposition: form-data; name=\"version\"\r\n\r\n1\r\n--x--", contentType: "multipart/form-data; boundary=x" },
    { label: "no content type", body: JSON.stringify(sql), contentType: null },
    json("array", []),
    json("null", null),
    json("number", 42),
    json("string", "version"),
    json("true", true),
    json("SQL text in every field", sql),
    json("HTML and script text in every field", html),
    json("wrong types in every field", wrongTypes),
    json("numbers past every bound", numbers),
    json("unicode edge cases in every field", unicode),
    { label: "prototype pollution", body: pollution, contentType: "application/json" },
    json("huge strings in every field", huge),
    { label: `nested ${deep} levels`, body: `${"[".repeat(deep)}${"]".repeat(deep)}`, contentType: "application/json" },
    { label: "nested objects 1000 levels", body: `${'{"a":'.repeat(1000)}1${"}".repeat(1000)}`, contentType: "application/json" },
    { label: "over every body limit", body: new Uint8Array(limitBytes + 1).fill(0x20), contentType: "application/json" },
  ];
}

/** Form bodies for the HTML form routes, each wrong in every field. */
export function hostileForms(): { label: string; body: string }[] {
  const form = (values: Record<string, string>) => new URLSearchParams(values).toString();
  return [
    { label: "SQL in every field", body: form({ email: "' OR 1=1 --", password: "' OR ''='", token: "' OR 1=1 --", name: "'; DROP TABLE users; --", next: "//evil.example" }) },
    { label: "script in every field", body: form({ email: "<script>", password: "<svg onload=alert(1)>", token: "<script>alert(1)</script>", next: "javascript:alert(1)" }) },
    { label: "NUL and lone surrogates", body: "email=%00%ED%A0%80&password=%00&token=%00&next=%2F%09%2Fevil.example" },
    { label: "path tricks in the token", body: form({ token: "../../../etc/passwd", password: "a-long-password-1" }) },
    { label: "a well-formed token nobody issued", body: form({ token: "A".repeat(43), password: "a-long-password-1", email: "x" }) },
    { label: "repeated fields", body: "email=a&email=b&password=x&password=y&token=a&token=b" },
    { label: "not a form", body: "%%%%&&&==" },
    { label: "huge", body: form({ email: "a".repeat(50_000), password: "b".repeat(50_000), token: "c".repeat(50_000) }) },
  ];
}

/** Values for a route's [id] segment that name nothing we hold (another workspace's id is added by the test). */
export const HOSTILE_IDS = [
  "../../etc/passwd",
  "..%2F..%2Fetc%2Fpasswd",
  "%00",
  "\u0000",
  "00000000-0000-0000-0000-000000000000",
  "ffffffff-ffff-ffff-ffff-ffffffffffff",
  "1 OR 1=1",
  "' OR '1'='1",
  "<script>alert(1)</script>",
  "A".repeat(5000),
  "\u202e\ud800",
  "0000000-0000-0000-0000-000000000000x",
  "{}",
];

/** Cookie headers that are not a session: malformed, oversized, unknown, or the wrong name for the scheme. */
export const HOSTILE_COOKIES = [
  "lb_session=%E0%A4%A",
  "lb_session=",
  `lb_session=${"A".repeat(43)}`,
  "lb_session=../../etc/passwd",
  `lb_session=${"%".repeat(4000)}`,
  `lb_session="${"A".repeat(43)}"`,
  `__Host-lb_session=${"A".repeat(43)}`,
  Array.from({ length: 300 }, (_, i) => `c${i}=${i}`).join("; "),
  "lb_session=' OR 1=1 --",
  "=; ;=; lb_session",
];

export const HOSTILE_AUTHORIZATIONS = [
  "Bearer",
  "Bearer ",
  "Bearer a b",
  "Basic dXNlcjpwYXNz",
  `Bearer lb_${"A".repeat(10_000)}`,
  "Bearer ' OR 1=1 --",
  "bearer <script>alert(1)</script>",
  "Bearer lb_\u00e9\u00e8",
  "Token lb_abc",
];

/** X-Workspace-Id values a forged or stale page could send with a real session. */
export const HOSTILE_WORKSPACE_HEADERS = ["' OR 1=1 --", "<script>", "00000000-0000-0000-0000-000000000000", "A".repeat(5000), ""];

/** Query strings for the routes that read one; each has at least one invalid parameter. */
export const HOSTILE_QUERIES = [
  "limit=-1",
  "limit=1e309",
  "limit=abc' OR 1=1 --",
  "limit=2147483648",
  "cursor=%00%ED%A0%80",
  "cursor=../../etc/passwd",
  "cursor=' OR 1=1 --",
  "cursor=" + "A".repeat(5000),
  "status=<script>",
  "status=' OR 1=1 --&limit=0",
  "sort=random()",
  "from=2026-13-45&to=yesterday",
  "urgency=%00&limit=0",
  "flag=' OR 1=1",
];
