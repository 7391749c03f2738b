// Limits on sign-in attempts that slow a password guesser without letting a
// stranger lock a person out. Each attempt is written before the password is
// checked (so parallel guesses cannot all slip under a limit: the k-th row
// inserted sees at least k rows) and removed when the password was right.
// Within SIGN_IN_WINDOW_MINUTES:
// - from a browser that signed in to this account before (lib/auth/devices.ts):
//   MAX_FAILURES_PER_DEVICE for that account from that device, nothing else;
// - from any other browser: MAX_FAILURES_PER_EMAIL_AND_IP, MAX_FAILURES_PER_IP
//   (all accounts: spraying one password over many), and
//   MAX_FAILURES_PER_EMAIL from all IPs (rotating addresses does not help).
// A refused attempt is not counted, so hammering does not extend the window.
// Old rows are deleted as new attempts come in: the table stays bounded.
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

export const SIGN_IN_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_DEVICE = 10;
export const MAX_FAILURES_PER_EMAIL_AND_IP = 5;
export const MAX_FAILURES_PER_IP = 50;
export const MAX_FAILURES_PER_EMAIL = 20;

export type Attempt = { email: string; ip: string; deviceId: string | null };

type Counts = { device: number; emailAndIp: number; ip: number; email: number };

/** Pure: whether an attempt (already counted in `counts`) goes over a limit. */
export function overLimit(attempt: Pick<Attempt, "deviceId">, counts: Counts): boolean {
  if (attempt.deviceId) return counts.device > MAX_FAILURES_PER_DEVICE;
  return counts.emailAndIp > MAX_FAILURES_PER_EMAIL_AND_IP || counts.ip > MAX_FAILURES_PER_IP || counts.email > MAX_FAILURES_PER_EMAIL;
}

function windowStart(now = Date.now()): Date {
  return new Date(now - SIGN_IN_WINDOW_MINUTES * 60_000);
}

async function countsFor(attempt: Attempt, since: Date): Promise<Counts> {
  const table = db().signInFailure;
  if (attempt.deviceId) {
    return { device: await table.count({ where: { emailNormalized: attempt.email, deviceId: attempt.deviceId, attemptedAt: { gte: since } } }), emailAndIp: 0, ip: 0, email: 0 };
  }
  const unknownDevice = { deviceId: null, attemptedAt: { gte: since } };
  const [emailAndIp, ip, email] = await Promise.all([
    table.count({ where: { emailNormalized: attempt.email, ip: attempt.ip, ...unknownDevice } }),
    table.count({ where: { ip: attempt.ip, ...unknownDevice } }),
    table.count({ where: { emailNormalized: attempt.email, ...unknownDevice } }),
  ]);
  return { device: 0, emailAndIp, ip, email };
}

/**
 * Counts an attempt before its password is checked; 429 when it goes over a
 * limit. Returns the id to pass to attemptSucceeded when the password was right.
 */
export async function beginAttempt(attempt: Attempt): Promise<string> {
  const since = windowStart();
  await db().signInFailure.deleteMany({ where: { attemptedAt: { lt: since } } });
  const row = await db().signInFailure.create({ data: { emailNormalized: attempt.email, ip: attempt.ip, deviceId: attempt.deviceId }, select: { id: true } });
  if (overLimit(attempt, await countsFor(attempt, since))) {
    await db().signInFailure.delete({ where: { id: row.id } });
    throw new AppError("rate_limited", `Too many failed sign-ins. Try again in ${SIGN_IN_WINDOW_MINUTES} minutes.`, { retryAfterSeconds: SIGN_IN_WINDOW_MINUTES * 60 });
  }
  return row.id;
}

/** The password was right: the attempt and earlier failures from the same place stop counting. */
export async function attemptSucceeded(attemptId: string, attempt: Attempt): Promise<void> {
  await db().signInFailure.deleteMany({
    where: { OR: [{ id: attemptId }, attempt.deviceId ? { emailNormalized: attempt.email, deviceId: attempt.deviceId } : { emailNormalized: attempt.email, ip: attempt.ip, deviceId: null }] },
  });
}
