import { Marked } from 'marked';
import type { Deps } from '../deps.js';
import type { Executor } from '../db/executor.js';
import { asRunner, keptRead, type Runner } from '../db/runner.js';
import { prepare } from '../db/prepared.js';
import { DomainError } from '../shared/errors.js';
import { sanitize } from '../resources/markdown.js';
import { MARKED_OPTIONS } from '../../src/internal/markdown-options.js';
import type { MailKind } from './mail.schemas.js';

/**
 * Each kind of message: a default subject and markdown body with named placeholders
 * (`{{partner.name}}`, `{{amount}}` …), which the merchant may replace. A template is rendered
 * once, when the message is queued, to a plain-text part and an HTML part (placeholder values
 * and the merchant's text escaped; the HTML sanitized: no script ever), inside a simple layout
 * carrying the merchant's name.
 */

/** Placeholders every template may use (partner.* are empty when the message is not about a partner). */
export const COMMON_PLACEHOLDERS = ['merchant.name', 'partner.name', 'partner.code', 'partner.email'] as const;

export interface TemplateDefinition {
  title: string;
  description: string;
  /** the kind's own placeholders: the `data` keys enqueueMail is given */
  placeholders: readonly string[];
  subject: string;
  body: string;
  /** values for the preview */
  sample: Record<string, string>;
}

export const TEMPLATES: Record<MailKind, TemplateDefinition> = {
  password_reset: {
    title: 'Password reset',
    description: 'To a partner who asked to reset their password: a single-use link.',
    placeholders: ['link', 'expiresIn'],
    subject: 'Reset your {{merchant.name}} partner password',
    body: `Hello {{partner.name}},

Someone (hopefully you) asked to reset the password of your partner account **{{partner.code}}**.

[Choose a new password]({{link}})

The link works once and for {{expiresIn}}. If you did not ask for it, ignore this message: your password stays as it is.`,
    sample: { link: 'https://shop.example.com/partners?pc_reset=sample', expiresIn: '1 hour' },
  },
  email_confirmation: {
    title: 'Email confirmation',
    description: 'To a partner who signed up or changed their email address: a link confirming it.',
    placeholders: ['link'],
    subject: 'Confirm your email address for {{merchant.name}}',
    body: `Hello {{partner.name}},

Please confirm that this is your email address for the {{merchant.name}} partner program.

[Confirm my email address]({{link}})

If you did not ask for this, ignore this message.`,
    sample: { link: 'https://shop.example.com/partners?pc_confirm=sample' },
  },
  signup_received: {
    title: 'Sign-up received',
    description: 'To a partner who just signed up, while the application waits for review.',
    placeholders: [],
    subject: 'We received your application to the {{merchant.name}} partner program',
    body: `Hello {{partner.name}},

Thank you for applying to the {{merchant.name}} partner program. Your partner code is **{{partner.code}}**.

We review every application and will write to you as soon as yours is decided.`,
    sample: {},
  },
  signup_waiting: {
    title: 'New sign-up waiting (to you)',
    description: "To the merchant's notification address when a partner signs up and waits for approval.",
    placeholders: ['link', 'applicant.name', 'applicant.email', 'applicant.code'],
    subject: 'New partner application: {{applicant.name}}',
    body: `A new partner applied to the {{merchant.name}} partner program and waits for your review.

- Name: {{applicant.name}}
- Email: {{applicant.email}}
- Code: {{applicant.code}}

[Review the application]({{link}})`,
    sample: { link: 'https://partners.example.com/admin#partners/42', 'applicant.name': 'Ada Lovelace', 'applicant.email': 'ada@example.com', 'applicant.code': 'ADA' },
  },
  signup_approved: {
    title: 'Application approved',
    description: 'To a partner whose application the merchant approved.',
    placeholders: ['link'],
    subject: 'Welcome to the {{merchant.name}} partner program',
    body: `Hello {{partner.name}},

Good news: your application was approved. Sign in with your partner code **{{partner.code}}** to get your links.

[Sign in]({{link}})`,
    sample: { link: 'https://shop.example.com/partners' },
  },
  signup_rejected: {
    title: 'Application declined',
    description: "To a partner whose application the merchant declined, with the merchant's reason.",
    placeholders: ['reason'],
    subject: 'Your application to the {{merchant.name}} partner program',
    body: `Hello {{partner.name}},

Thank you for your interest in the {{merchant.name}} partner program. We are sorry to tell you that we could not accept your application.

{{reason}}`,
    sample: { reason: 'We only work with partners who publish in our market.' },
  },
  security_change: {
    title: 'Security change',
    description: "To a partner whose password, email or payout details changed.",
    placeholders: ['changes'],
    subject: 'Your {{merchant.name}} partner account changed',
    body: `Hello {{partner.name}},

These details of your partner account **{{partner.code}}** just changed: {{changes}}.

If this was you, there is nothing to do. If it was not, reset your password at once and tell us.`,
    sample: { changes: 'password, payout details' },
  },
  commission_earned: {
    title: 'Commission earned',
    description: 'To a partner, for each new commission (when they chose to hear at once).',
    placeholders: ['amount', 'program', 'sale.amount', 'payableOn'],
    subject: 'You earned {{amount}}',
    body: `Hello {{partner.name}},

You earned a commission of **{{amount}}** in {{program}} on a sale of {{sale.amount}}.

It becomes payable on {{payableOn}}.`,
    sample: { amount: '$19.90', program: 'Standard', 'sale.amount': '$199.00', payableOn: 'December 1, 2026' },
  },
  commission_digest: {
    title: 'Daily commission digest',
    description: "To a partner who chose one message a day: the day's commissions.",
    placeholders: ['count', 'amount', 'list'],
    subject: 'You earned {{amount}} today',
    body: `Hello {{partner.name}},

You earned {{count}} commission(s) today, **{{amount}}** in all:

{{list}}`,
    sample: { count: '2', amount: '$29.80', list: '- $19.90 in Standard on a sale of $199.00\n- $9.90 in Standard on a sale of $99.00' },
  },
  payment_sent: {
    title: 'Payment sent',
    description: 'To a partner when the merchant records a payment.',
    placeholders: ['amount', 'method', 'reference'],
    subject: 'We sent you {{amount}}',
    body: `Hello {{partner.name}},

We sent you a payment of **{{amount}}** by {{method}} (reference: {{reference}}).

Thank you for being a {{merchant.name}} partner.`,
    sample: { amount: '$120.00', method: 'PayPal', reference: 'PAY-2026-11-0042' },
  },
  monthly_statement: {
    title: 'Monthly statement',
    description: "To a partner at the start of a month: last month's summary, with the ledger as a CSV attachment.",
    placeholders: ['month', 'earned', 'paid', 'balance', 'payableNow'],
    subject: 'Your {{merchant.name}} statement for {{month}}',
    body: `Hello {{partner.name}},

Your statement for {{month}}:

- Earned: {{earned}}
- Paid to you: {{paid}}
- Balance: {{balance}}
- Payable now: {{payableNow}}

The month's entries are attached as a CSV file.`,
    sample: { month: 'November 2026', earned: '$240.00', paid: '$120.00', balance: '$310.00', payableNow: '$190.00' },
  },
  webhook_disabled: {
    title: 'Webhook endpoint disabled (to you)',
    description: "To the merchant's notification address when a webhook endpoint failed every delivery for three days and was turned off.",
    placeholders: ['url', 'reason', 'link'],
    subject: 'Webhook endpoint disabled: {{url}}',
    body: `Partner Center stopped sending events to your webhook endpoint {{url}}.

{{reason}}

Fix the endpoint, then turn it back on (and resend what it missed) in the console.

[Open the webhooks]({{link}})`,
    sample: { url: 'https://shop.example.com/hooks/partners', reason: 'Every delivery failed for 3 days (last: HTTP 500).', link: 'https://partners.example.com/admin#webhooks' },
  },
  test: {
    title: 'Test message',
    description: 'Sent from the console to check the email settings.',
    placeholders: [],
    subject: 'Test message from {{merchant.name}}',
    body: `This is a test message from the {{merchant.name}} partner program.

If you can read it, email works.`,
    sample: {},
  },
};

/** Every placeholder a kind's template may use. */
export const placeholdersOf = (kind: MailKind): string[] => [...COMMON_PLACEHOLDERS, ...TEMPLATES[kind].placeholders];

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** Refuses (400 `unknown_placeholder`, naming it) a placeholder the kind does not know. */
export function checkTemplate(kind: MailKind, template: { subject: string; body: string }): void {
  const known = new Set(placeholdersOf(kind));
  for (const field of ['subject', 'body'] as const) {
    for (const match of template[field].matchAll(PLACEHOLDER)) {
      const name = match[1]!;
      if (!known.has(name)) {
        throw new DomainError(
          'invalid',
          'unknown_placeholder',
          `Unknown placeholder {{${name}}} in the ${field}; this message knows ${[...known].map((p) => `{{${p}}}`).join(', ')}`,
          field,
        );
      }
    }
  }
}

export interface Template {
  subject: string;
  body: string;
}

const templateRow = prepare((db, p: { kind: MailKind }) => db.selectFrom('mail_templates').select(['subject', 'body']).where('kind', '=', p.kind));

/** The merchant's template of a kind, else the default. */
export async function templateOf(deps: Deps, kind: MailKind, db: Executor | Runner = deps.db.kysely): Promise<Template & { customized: boolean }> {
  const run = asRunner(db);
  const row = await keptRead(run, `mail.template.${kind}`, () => run.first(templateRow(run.db, { kind })));
  return row ? { ...row, customized: true } : { subject: TEMPLATES[kind].subject, body: TEMPLATES[kind].body, customized: false };
}

export const escapeHtml = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** Merchant markdown: raw HTML in it shows as text (escaped), never as markup. */
const marked = new Marked(MARKED_OPTIONS, {
  renderer: {
    html: (token) => escapeHtml(token.text),
  },
});

const token = (i: number) => `PCVAR${i}Z`;
const TOKEN = /PCVAR(\d+)Z/g;
const isUrl = (value: string) => /^https?:\/\/\S+$/i.test(value);

/**
 * The values in the parsed body, then the whole through the sanitizer: a value in a link's address
 * is checked there (an unsafe scheme loses the link), a value in text stays text.
 */
export function sanitizedFill(parsed: string, valueOf: (i: string) => string): string {
  const filled = parsed
    .replace(/href="PCVAR(\d+)Z"/g, (_m, i: string) => `href="${escapeHtml(valueOf(i))}"`)
    .replace(TOKEN, (_m, i: string) => escapeHtml(valueOf(i)).replace(/\n/g, '<br>'));
  return sanitize(filled);
}

/** A value as text in HTML, written as the sanitizer writes text (`&`, `<`, `>` escaped; a line break as `<br />`). */
const textHtml = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\n/g, '<br />');

/**
 * A body's HTML with its value tokens still in, parsed once per body (and per which values stand
 * alone as links: that is in the body given). `textOnly`: every token is in text (none in a tag:
 * a link's address, an image, an attribute) and the sanitizer leaves the parsed HTML as it is —
 * then escaping each value as text is what sanitizing after filling would write, so a message
 * (each commission's email, say) is filled without parsing markdown or sanitizing again.
 * Otherwise each message is filled, then sanitized ({@link sanitizedFill}).
 */
const shapes = new Map<string, { parsed: string; textOnly: boolean }>();
const MAX_SHAPES = 200;

export function shapeOf(linked: string): { parsed: string; textOnly: boolean } {
  let shape = shapes.get(linked);
  if (!shape) {
    const parsed = parseBody(linked);
    const textOnly = !/<[^>]*PCVAR\d+Z/.test(parsed) && sanitize(parsed) === parsed;
    if (shapes.size >= MAX_SHAPES) shapes.delete(shapes.keys().next().value!);
    shapes.set(linked, (shape = { parsed, textOnly }));
  }
  return shape;
}

/** A tokenized body's HTML with its values in (`valueOf` gives token i's value). */
export function htmlOf(linked: string, valueOf: (i: string) => string): string {
  const { parsed, textOnly } = shapeOf(linked);
  return textOnly ? parsed.replace(TOKEN, (_m, i: string) => textHtml(valueOf(i))) : sanitizedFill(parsed, valueOf);
}

/** A tokenized body as markdown → HTML, values not in yet. */
export const parseBody = (linked: string) => marked.parse(linked) as string;

export interface Rendered {
  subject: string;
  text: string;
  html: string;
}

export interface RenderContext {
  merchantName: string;
  /** the one-click unsubscribe address (notification kinds sent to a partner) */
  unsubscribeUrl?: string | null;
}

/**
 * Renders a template with `values` (missing ones are empty). Placeholders are swapped for inert
 * tokens before the markdown is parsed, so a value is never read as markdown or HTML: in the
 * HTML part it is escaped (a URL on its own becomes a link; in a link's address it is checked by
 * the sanitizer), in the text part it is put as is.
 */
export function renderTemplate(template: Template, values: Record<string, string>, context: RenderContext): Rendered {
  const list: string[] = [];
  const tokenize = (text: string) =>
    text.replace(PLACEHOLDER, (_m, name: string) => {
      list.push(values[name] ?? '');
      return token(list.length - 1);
    });
  const valueOf = (i: string) => list[Number(i)] ?? '';

  const subject = tokenize(template.subject)
    .replace(TOKEN, (_m, i: string) => valueOf(i))
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 250);

  const body = tokenize(template.body);

  // text: markdown read as text, links as "label <url>"
  const text = body
    .replace(/\[([^\]]*)\]\(\s*([^)\s]*)\s*\)/g, (_m, label: string, url: string) => (label.trim() === url ? url : `${label} <${url}>`))
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/(\*\*|__)(.*?)\1/g, '$2')
    .replace(/`([^`]*)`/g, '$1')
    .replace(TOKEN, (_m, i: string) => valueOf(i))
    .trim();
  const footerText = [`Sent by ${context.merchantName}`, ...(context.unsubscribeUrl ? [`Unsubscribe: ${context.unsubscribeUrl}`] : [])];

  // html: a token standing alone whose value is a URL becomes a link to it
  const linked = body.replace(/(^|[^(\[\w])(PCVAR(\d+)Z)(?![\w\]])/g, (m, before: string, tok: string, i: string) =>
    isUrl(valueOf(i)) ? `${before}[${tok}](${tok})` : m,
  );
  const content = htmlOf(linked, valueOf);

  return {
    subject,
    text: `${text}\n\n-- \n${footerText.join('\n')}\n`,
    html: layout(subject, content, context),
  };
}

/** A simple branded layout, inline styles only (what mail clients keep). */
function layout(subject: string, content: string, context: RenderContext): string {
  const name = escapeHtml(context.merchantName);
  const unsubscribe = context.unsubscribeUrl
    ? ` <a href="${escapeHtml(context.unsubscribeUrl)}" style="color:#71717a">Unsubscribe from these messages</a>.`
    : '';
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:0;background:#f4f4f5;font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;color:#18181b">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f4f4f5"><tr><td align="center" style="padding:24px 12px">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:560px;background:#ffffff;border-radius:8px;border:1px solid #e4e4e7">
<tr><td style="padding:18px 24px;border-bottom:1px solid #e4e4e7;font-size:18px;font-weight:600">${name}</td></tr>
<tr><td style="padding:24px;font-size:15px;line-height:1.55">${content}</td></tr>
<tr><td style="padding:14px 24px;border-top:1px solid #e4e4e7;font-size:12px;color:#71717a">Sent by ${name}.${unsubscribe}</td></tr>
</table>
</td></tr></table>
</body>
</html>
`;
}
