// Workspace API keys: shown once, stored hashed, scoped, revocable.
import { describe, expect, it } from "vitest";
import { authenticateApiKey, createApiKey, hashApiKey, revokeApiKey } from "@/lib/auth/api-keys";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

describe("API keys", () => {
  it("authenticates a key to its workspace, stores only its hash, and stops after revocation", async () => {
    const workspace = await db().workspace.create({ data: { name: "Keys", slug: "keys", defaultCountry: "US" } });
    const other = await db().workspace.create({ data: { name: "Other", slug: "other", defaultCountry: "US" } });
    const { id, key } = await createApiKey({ workspaceId: workspace.id, name: "chatbot" });

    const stored = await db().apiKey.findUniqueOrThrow({ where: { id } });
    expect(stored.keyHash).toBe(hashApiKey(key));
    expect(JSON.stringify(stored)).not.toContain(key);

    await expect(authenticateApiKey(`Bearer ${key}`)).resolves.toMatchObject({ workspaceId: workspace.id, apiKeyId: id });
    await expect(authenticateApiKey(null)).rejects.toMatchObject({ code: "unauthorized" });
    await expect(authenticateApiKey(`Bearer ${key}x`)).rejects.toBeInstanceOf(AppError);

    // Another workspace cannot revoke it.
    await expect(revokeApiKey(other.id, id)).rejects.toMatchObject({ code: "not_found" });
    await revokeApiKey(workspace.id, id);
    await expect(authenticateApiKey(`Bearer ${key}`)).rejects.toMatchObject({ code: "unauthorized" });
  });
});
