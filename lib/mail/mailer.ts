// Outgoing email through SMTP (nodemailer), for invitations and password
// resets. Unset SMTP_URL: nothing is sent and callers say so (an admin copies
// the invitation link instead). Links in emails are built from APP_URL only,
// never from a request's Host header (a forged Host would otherwise put an
// attacker's address in front of a reset token).
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/env";
import { logger } from "@/lib/log";

export type OutgoingMail = { to: string; subject: string; text: string };

let transport: { url: string; transporter: Transporter } | undefined;

function transporter(url: string): Transporter {
  if (transport?.url !== url) transport = { url, transporter: nodemailer.createTransport(url) };
  return transport.transporter;
}

export function mailConfigured(): boolean {
  return env().SMTP_URL !== undefined;
}

/** An absolute link to a path of the app (APP_URL), or null when APP_URL is unset. */
export function appLink(path: string): string | null {
  const base = env().APP_URL;
  return base ? new URL(path, base.endsWith("/") ? base : `${base}/`).toString() : null;
}

/** Sends one email; false (logged, without the address) when SMTP is unset or the server refuses. */
export async function sendMail(mail: OutgoingMail): Promise<boolean> {
  const url = env().SMTP_URL;
  if (!url) return false;
  try {
    await transporter(url).sendMail({ from: env().MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.text });
    return true;
  } catch (error) {
    logger.warn({ err: error, subject: mail.subject }, "email not sent");
    return false;
  }
}
