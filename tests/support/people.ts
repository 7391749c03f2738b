// Two workspaces with people in every role, created through the same services
// the command line uses, for the isolation and role tests.
import { hashPassword } from "@/lib/auth/passwords";
import { createUser } from "@/lib/auth/users";
import { db } from "@/lib/db/client";
import { createWorkspace } from "@/lib/workspaces/create";
import * as signInRoute from "@/app/api/auth/sign-in/route";
import { call, sessionCookieFrom } from "./http";

export const PASSWORD = "correct horse battery";

export async function signInCookie(email: string, password = PASSWORD, ip = "203.0.113.1"): Promise<string> {
  const response = await call(signInRoute.POST, "/api/auth/sign-in", { method: "POST", body: { email, password }, headers: { "x-forwarded-for": ip } });
  if (response.status !== 200) throw new Error(`sign-in of ${email} answered ${response.status}: ${await response.text()}`);
  return sessionCookieFrom(response);
}

async function addPerson(workspaceId: string, email: string, role: string) {
  const user = await createUser({ email, passwordHash: await hashPassword(PASSWORD) });
  const membership = await db().membership.create({ data: { workspaceId, userId: user.id, role } });
  return { userId: user.id, membershipId: membership.id, email };
}

export async function twoWorkspaces() {
  const a = await createWorkspace({ name: "Alpha Solar", whatsappPhoneNumberId: "200000000000001", defaultCountry: "BR", admin: { email: "admin@alpha.test", password: PASSWORD } });
  const b = await createWorkspace({ name: "Beta Cars", whatsappPhoneNumberId: "200000000000002", defaultCountry: "MX", admin: { email: "admin@beta.test", password: PASSWORD } });
  const membership = (workspaceId: string, userId: string) => db().membership.findUniqueOrThrow({ where: { workspaceId_userId: { workspaceId, userId } } });
  const adminA = { userId: a.admin!.userId, email: "admin@alpha.test", membershipId: (await membership(a.workspaceId, a.admin!.userId)).id };
  const adminB = { userId: b.admin!.userId, email: "admin@beta.test", membershipId: (await membership(b.workspaceId, b.admin!.userId)).id };
  const managerA = await addPerson(a.workspaceId, "manager@alpha.test", "manager");
  const reviewerA = await addPerson(a.workspaceId, "reviewer@alpha.test", "reviewer");
  const reviewerB = await addPerson(b.workspaceId, "reviewer@beta.test", "reviewer");
  return { a, b, adminA, adminB, managerA, reviewerA, reviewerB };
}
