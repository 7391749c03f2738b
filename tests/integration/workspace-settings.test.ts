// Admins change a workspace's catalog, time zone and intent bands; nobody else
// can, and bad values are refused with the field named. (Its CRM account is
// Settings -> CRM: tests/integration/crm-connection.test.ts.)
import { beforeAll, describe, expect, it } from "vitest";
import * as settingsRoute from "@/app/api/v1/workspace/settings/route";
import { db } from "@/lib/db/client";
import { call } from "@/tests/support/http";
import { signInCookie, twoWorkspaces } from "@/tests/support/people";

let world: Awaited<ReturnType<typeof twoWorkspaces>>;

beforeAll(async () => {
  world = await twoWorkspaces();
});

describe("workspace settings", () => {
  it("lets an admin change the catalog, time zone and bands, with an audit row", async () => {
    const admin = await signInCookie("admin@alpha.test");
    const response = await call(settingsRoute.PATCH, "/api/v1/workspace/settings", {
      method: "PATCH",
      cookie: admin,
      body: { products: ["Solar Panel Kit", "Home Battery"], timezone: "America/Sao_Paulo", intentBands: { high: 0.8, medium: 0.5 } },
    });
    expect(response.status).toBe(200);
    expect(await db().workspace.findUniqueOrThrow({ where: { id: world.a.workspaceId } })).toMatchObject({ timezone: "America/Sao_Paulo", products: ["Solar Panel Kit", "Home Battery"], intentBands: { high: 0.8, medium: 0.5 } });
    expect(await db().auditEvent.count({ where: { workspaceId: world.a.workspaceId, action: "workspace.settings_changed" } })).toBe(1);
    // The other workspace is untouched.
    expect((await db().workspace.findUniqueOrThrow({ where: { id: world.b.workspaceId } })).products).toEqual([]);
  });

  it("refuses a CRM choice here (it is Settings -> CRM), a bad time zone and inverted bands", async () => {
    const admin = await signInCookie("admin@alpha.test");
    const patch = (body: unknown) => call(settingsRoute.PATCH, "/x", { method: "PATCH", cookie: admin, body });
    expect((await patch({ crmProvider: "hubspot" })).status).toBe(422);
    const zone = await patch({ timezone: "Mars/Olympus" });
    expect(zone.status).toBe(422);
    expect(await zone.json()).toMatchObject({ errors: [{ path: "timezone" }] });
    expect((await patch({ intentBands: { high: 0.3, medium: 0.6 } })).status).toBe(422);
  });

  it("is for admins only", async () => {
    const manager = await signInCookie("manager@alpha.test");
    expect((await call(settingsRoute.PATCH, "/x", { method: "PATCH", cookie: manager, body: { timezone: "UTC" } })).status).toBe(403);
    expect((await call(settingsRoute.PATCH, "/x", { method: "PATCH", key: world.a.apiKey.key, body: { timezone: "UTC" } })).status).toBe(403);
  });
});
