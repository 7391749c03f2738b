// What operators and a new user start with: workspace:create's service (first
// admin, first key, audit rows) and the demo workspace's documented login.
import { describe, expect, it } from "vitest";
import { authenticateApiKey } from "@/lib/auth/api-keys";
import { signIn } from "@/lib/auth/sign-in";
import { db } from "@/lib/db/client";
import { DEMO_LOGIN } from "@/lib/demo/login";
import { seedDemoWorkspace } from "@/lib/demo/seed";
import { createWorkspace } from "@/lib/workspaces/create";

describe("the demo workspace", () => {
  it("has the documented demo login as its admin", async () => {
    const seeded = await seedDemoWorkspace();
    expect(seeded).not.toBeNull();
    const session = await signIn({ ...DEMO_LOGIN, ip: "127.0.0.1" });
    const membership = await db().membership.findFirstOrThrow({ where: { userId: session.userId } });
    expect(membership).toMatchObject({ workspaceId: seeded!.workspaceId, role: "admin" });
    // Seeding extracts 30 conversations: slow on a loaded machine.
  }, 120_000);
});

describe("createWorkspace", () => {
  it("creates the workspace, its WhatsApp number, a new admin and a working key, audited", async () => {
    const created = await createWorkspace({ name: "Ação Imóveis", whatsappPhoneNumberId: "400000000000001", defaultCountry: "br", admin: { email: "Boss@Acao.test", password: "boss-password-1" } });
    expect(created.slug).toMatch(/^acao-imoveis-[0-9a-f]{6}$/);
    expect(created.admin).toMatchObject({ email: "boss@acao.test", created: true });
    await expect(authenticateApiKey(`Bearer ${created.apiKey.key}`)).resolves.toMatchObject({ workspaceId: created.workspaceId });
    const workspace = await db().workspace.findUniqueOrThrow({ where: { id: created.workspaceId }, include: { whatsappNumbers: true } });
    expect(workspace.defaultCountry).toBe("BR");
    expect(workspace.whatsappNumbers.map((n) => n.phoneNumberId)).toEqual(["400000000000001"]);
    const actions = (await db().auditEvent.findMany({ where: { workspaceId: created.workspaceId }, select: { action: true } })).map((e) => e.action).sort();
    expect(actions).toEqual(["api_key.created", "member.added", "workspace.created"]);
  });

  it("adds an existing person as admin without touching their password, and refuses a new password for them", async () => {
    const second = await createWorkspace({ name: "Second", whatsappPhoneNumberId: "400000000000002", defaultCountry: "US", admin: { email: "boss@acao.test" } });
    expect(second.admin).toMatchObject({ created: false });
    await expect(signIn({ email: "boss@acao.test", password: "boss-password-1", ip: "127.0.0.1" })).resolves.toBeTruthy();
    await expect(
      createWorkspace({ name: "Third", whatsappPhoneNumberId: "400000000000003", defaultCountry: "US", admin: { email: "boss@acao.test", password: "another-password" } }),
    ).rejects.toMatchObject({ code: "conflict" });
    // Nothing of the refused workspace was kept.
    expect(await db().workspace.count({ where: { name: "Third" } })).toBe(0);
  });

  it("refuses a WhatsApp number another workspace owns, and a new admin without a password", async () => {
    await expect(createWorkspace({ name: "Dup", whatsappPhoneNumberId: "400000000000001", defaultCountry: "US" })).rejects.toMatchObject({ code: "conflict" });
    await expect(createWorkspace({ name: "NoPw", whatsappPhoneNumberId: "400000000000004", defaultCountry: "US", admin: { email: "new@x.test" } })).rejects.toMatchObject({ code: "validation_failed" });
  });
});
