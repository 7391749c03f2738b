// PUT /api/auth/password {currentPassword, newPassword}: a signed-in person
// changes their own password. Every session of theirs ends; this browser gets a
// fresh one (Set-Cookie). 422 names a wrong current password or a too-short
// new one; guesses at the current password count like failed sign-ins.
import { z } from "zod";
import { knownDevice } from "@/lib/auth/devices";
import { changePassword } from "@/lib/auth/password-changes";
import { normalizeEmail } from "@/lib/auth/sign-in";
import { jsonWithCookies, sessionSetCookies } from "@/lib/auth/signed-in-response";
import { readJsonBody } from "@/lib/http/body";
import { clientIp } from "@/lib/http/client-ip";
import { withSignedIn } from "@/lib/http/route";

const passwordChangeBody = z.object({ currentPassword: z.string().min(1).max(1000), newPassword: z.string().max(1000) });

export const PUT = withSignedIn(async (request, { person }) => {
  const body = await readJsonBody(request, passwordChangeBody, 10_000);
  const session = await changePassword(person, {
    currentPassword: body.currentPassword,
    newPassword: body.newPassword,
    ip: clientIp(request.headers),
    deviceId: knownDevice(request.headers, normalizeEmail(person.email)),
    userAgent: request.headers.get("user-agent"),
  });
  return jsonWithCookies({ changed: true, sessionsEnded: true }, sessionSetCookies(request.headers, session));
});
