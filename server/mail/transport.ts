import type nodemailer from 'nodemailer';
import type { Deps } from '../deps.js';
import { getMailSettings, maskSmtpUrl } from './settings.js';

/**
 * The SMTP connection of a URL (settings win over SMTP_URL; see settings.ts), made once per URL.
 * Timeouts are short enough that one slow server holds a message's lease for well under its
 * length (worker.ts), so a stuck send is retried, not lost.
 */
type Transporter = ReturnType<typeof nodemailer.createTransport>;

const transports = new Map<string, Transporter>();

export const SMTP_TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 45_000 };

/**
 * The SMTP connection for `smtpUrl`. nodemailer loads with the first one, so a process with no
 * mail to send (the CLI, a server with no SMTP server set) does not pay its start-up time.
 */
export async function transportFor(smtpUrl: string): Promise<Transporter> {
  let transport = transports.get(smtpUrl);
  if (!transport) {
    const { default: mailer } = await import('nodemailer');
    // another caller may have made it while the package loaded
    transport = transports.get(smtpUrl);
    if (transport) return transport;
    transport = mailer.createTransport({ url: smtpUrl, ...SMTP_TIMEOUTS } as Parameters<typeof nodemailer.createTransport>[0]);
    transports.set(smtpUrl, transport);
  }
  return transport;
}

/** Forgets (and closes) every transport but the current one's, after the settings changed. */
export function forgetTransports(keep?: string | null): void {
  for (const [url, transport] of transports) {
    if (url === keep) continue;
    transport.close();
    transports.delete(url);
  }
}

export interface OutgoingMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  attachments: { filename: string; contentType: string; content: string }[];
}

/** The current transport and From, or null when no SMTP server is configured. */
export async function currentTransport(deps: Deps): Promise<{ transport: Transporter; from: string; smtpUrl: string } | null> {
  const settings = await getMailSettings(deps);
  if (!settings.smtpUrl) return null;
  return { transport: await transportFor(settings.smtpUrl), from: settings.mailFrom, smtpUrl: settings.smtpUrl };
}

/** Sends one message; throws the SMTP error (with `responseCode` when the server answered). */
export async function send(transport: Transporter, from: string, message: OutgoingMessage): Promise<void> {
  await transport.sendMail({
    from,
    to: message.to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    headers: message.headers,
    attachments: message.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })),
  });
}

/** An error as the merchant sees it in the outbox: one line, no password. */
export function describeError(error: unknown, smtpUrl: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const password = (() => {
    try {
      return decodeURIComponent(new URL(smtpUrl).password);
    } catch {
      return '';
    }
  })();
  let line = message.replace(/\s+/g, ' ').trim();
  if (password) line = line.split(password).join('••••');
  line = line.split(smtpUrl).join(maskSmtpUrl(smtpUrl) ?? '');
  return line.slice(0, 500) || 'Sending failed';
}
