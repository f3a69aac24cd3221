import { isIP } from 'node:net';
import { isPostgresUrl } from './db/connection.js';
import { parseArgs } from 'node:util';
import { z } from 'zod';

/** How many proxies in front of us to believe (0: none), or the addresses / CIDR ranges of ours. */
export type TrustProxy = number | readonly string[];

const isProxyEntry = (entry: string) => {
  const [address = '', bits, extra] = entry.split('/');
  const version = isIP(address);
  if (!version || extra !== undefined) return false;
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (version === 6 ? 128 : 32));
};

const TRUST_PROXY_MESSAGE =
  'TRUST_PROXY must be true/false, a number of proxy hops (0-10), or a comma-separated list of proxy addresses or CIDR ranges';

/** `true`/`1` → 1 hop; `false`/`0` → none; `2` → 2 hops; `10.0.0.1, 10.1.0.0/16` → those proxies. */
const trustProxySchema = z
  .union([z.boolean(), z.number(), z.string()])
  .default(false)
  .transform((value, ctx): TrustProxy => {
    if (typeof value === 'boolean') return value ? 1 : 0;
    const text = String(value).trim().toLowerCase();
    if (text === 'true') return 1;
    if (text === 'false' || text === '') return 0;
    if (/^\d+$/.test(text) && Number(text) <= 10) return Number(text);
    const entries = text.split(',').map((entry) => entry.trim());
    if (entries.every(isProxyEntry)) return entries;
    ctx.addIssue({ code: 'custom', message: TRUST_PROXY_MESSAGE });
    return z.NEVER;
  });

/** An smtp:// or smtps:// URL with a host. */
export function isSmtpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'smtp:' || url.protocol === 'smtps:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** A plain email address (one @, a dot in the domain or localhost, no spaces or angle brackets). */
export const isEmailAddress = (value: string): boolean => /^[^\s@<>(),;:"]+@([^\s@<>(),;:".]+\.)*[^\s@<>(),;:".]+$/.test(value.trim()) && value.length <= 254;

/** An address, or `Name <address>`. */
export function isMailbox(value: string): boolean {
  const match = /^\s*(?:"?([^"<>]*?)"?\s*)<([^<>]+)>\s*$/.exec(value);
  return match ? isEmailAddress(match[2]!) : isEmailAddress(value);
}

/**
 * Everything the server can be told, from the environment and from CLI flags (flags win).
 * Parsed once at start-up; a bad value stops the process with a message naming it.
 */
export const configSchema = z.object({
  port: z.coerce.number().int().min(0).max(65535).default(3000),
  host: z.string().min(1).default('0.0.0.0'),
  databasePath: z.string().min(1).default('data/partner-center.sqlite'),
  /** PostgreSQL instead of the SQLite file: `postgres://user:password@host:5432/database` (several instances may share it). */
  databaseUrl: z
    .string()
    .regex(/^postgres(?:ql)?:\/\/\S+$/i, 'a PostgreSQL URL like postgres://user:password@host:5432/partner_center')
    .optional(),
  /** PostgreSQL connections each instance keeps open at most (the server's max_connections ÷ instances, with room to spare). */
  databasePoolSize: z.coerce.number().int().min(1).max(1000).default(10),
  /** Origins (scheme://host[:port]) whose pages may call the API from the browser. `*` allows any. */
  allowedOrigins: z
    .string()
    .default('')
    .transform((s) =>
      s
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    ),
  /** The public origin of this server, used in partners' links (default: the request's origin). */
  publicUrl: z
    .string()
    .regex(/^https?:\/\/[^/\s]+$/, 'PUBLIC_URL must be an origin like https://partners.example.com (no path)')
    .optional(),
  /** Bootstrapping admin key, accepted next to the keys stored in the database. */
  adminKey: z.string().min(16, 'PARTNER_CENTER_ADMIN_KEY must be at least 16 characters').optional(),
  /** How long a partner's sign-in lasts. */
  sessionTtlHours: z.coerce.number().positive().max(24 * 90).default(12),
  /** Which X-Forwarded-For entries to believe for the client's address (only behind proxies you run). */
  trustProxy: trustProxySchema,
  /** Who may frame the pages (CSP frame-ancestors): 'self', 'none', or origins such as https://www.example.com. */
  frameAncestors: z
    .string()
    .default("'self'")
    .transform((s) =>
      s
        .split(/[\s,]+/)
        .filter(Boolean)
        .map((source) => (/^'?(self|none)'?$/i.test(source) ? `'${source.replace(/'/g, '').toLowerCase()}'` : source)),
    )
    .pipe(
      z
        .array(z.string().regex(/^('self'|'none'|https?:\/\/(\*\.)?[a-z0-9.-]+(:\d+)?)$/i, "FRAME_ANCESTORS takes 'self', 'none' or origins like https://www.example.com"))
        .min(1, "FRAME_ANCESTORS takes 'self', 'none' or origins like https://www.example.com")
        .refine((list) => !list.includes("'none'") || list.length === 1, "FRAME_ANCESTORS: 'none' cannot be combined with other sources"),
    ),
  /** On SIGTERM, how long requests in flight may take to finish before their connections are closed. */
  shutdownTimeoutSeconds: z.coerce.number().min(0).max(600).default(10),
  /** Serve the demo merchant page at `/` and seed demo data into an empty database. */
  demo: z.boolean().default(false),
  /** SMTP server mail is sent through, e.g. smtps://user:pass@smtp.example.com:465 (none: messages are kept in the outbox). */
  smtpUrl: z
    .string()
    .refine(isSmtpUrl, 'SMTP_URL must be a URL like smtps://user:pass@smtp.example.com:465 or smtp://smtp.example.com:587')
    .optional(),
  /** The From address of every message: an address, or "Name <address>". */
  mailFrom: z.string().refine(isMailbox, 'MAIL_FROM must be an email address, or "Name <address>"').optional(),
  /** Where messages for the merchant (new sign-ups) go, unless the console's email settings say otherwise. */
  mailNotifyTo: z.string().refine(isEmailAddress, 'MAIL_NOTIFY_TO must be an email address').optional(),
  /** Seconds between a failed send and the next try; one try more than delays, then the message is failed. */
  mailRetryDelays: z
    .string()
    .default('60,300,1800,7200,21600')
    .transform((s) => s.split(',').map((part) => part.trim()))
    .pipe(
      z
        .array(z.string().regex(/^\d{1,6}$/, 'MAIL_RETRY_DELAYS must be a comma-separated list of seconds, like 60,300,1800'))
        .min(1, 'MAIL_RETRY_DELAYS must list at least one delay')
        .max(20, 'MAIL_RETRY_DELAYS must list at most 20 delays'),
    )
    .transform((list) => list.map(Number)),
  /** Stripe's webhook signing secret (whsec_…), unless the owner sets one in the console (which wins). */
  stripeWebhookSecret: z.string().min(8, 'STRIPE_WEBHOOK_SECRET must be the signing secret from Stripe (whsec_…)').optional(),
  /** The secret Shopify signs webhooks with (the app's client secret, or the store's webhook signing key). */
  shopifyWebhookSecret: z.string().min(8, 'SHOPIFY_WEBHOOK_SECRET must be the secret Shopify signs webhooks with').optional(),
  /** Let webhook endpoints be http:// and private or loopback addresses (development and tests only: SSRF). */
  allowPrivateWebhookUrls: z.boolean().default(false),
  /** Seconds before the first retry of a failed webhook delivery (then ×4 each time, at most 8 h, for up to three days). */
  webhookRetryBaseSeconds: z.coerce.number().int().min(1).max(3600).default(30),
  /** Folder of the built browser bundle. */
  distDir: z.string().default('dist'),
});

export type Config = z.infer<typeof configSchema>;

/** Reads the environment and the given CLI flags. Throws a readable error on a bad value. */
export function loadConfig(argv: string[] = [], environment = process.env): Config {
  const { values } = parseArgs({
    // a bare --trust-proxy means one hop; --trust-proxy=<hops or addresses> says more
    args: argv.map((arg) => (arg === '--trust-proxy' ? '--trust-proxy=1' : arg)),
    strict: true,
    allowPositionals: false,
    options: {
      port: { type: 'string', short: 'p' },
      host: { type: 'string' },
      db: { type: 'string' },
      'database-url': { type: 'string' },
      'database-pool-size': { type: 'string' },
      'allowed-origins': { type: 'string' },
      'trust-proxy': { type: 'string' },
      demo: { type: 'boolean' },
      'public-url': { type: 'string' },
      'frame-ancestors': { type: 'string' },
      'shutdown-timeout': { type: 'string' },
      'smtp-url': { type: 'string' },
      'mail-from': { type: 'string' },
      'mail-notify-to': { type: 'string' },
      'stripe-webhook-secret': { type: 'string' },
      'shopify-webhook-secret': { type: 'string' },
      'allow-private-webhook-urls': { type: 'boolean' },
    },
  });
  const get = (name: string) => {
    const v = environment[name];
    return v === undefined || v === '' ? undefined : v;
  };
  const raw = {
    port: values.port ?? get('PORT'),
    host: values.host ?? get('HOST'),
    // --db takes a file or, like --database-url, a postgres:// URL
    databasePath: values.db && !isPostgresUrl(values.db) ? values.db : get('DATABASE_PATH'),
    databaseUrl: values['database-url'] ?? (values.db && isPostgresUrl(values.db) ? values.db : undefined) ?? get('DATABASE_URL'),
    databasePoolSize: values['database-pool-size'] ?? get('DATABASE_POOL_SIZE'),
    allowedOrigins: values['allowed-origins'] ?? get('ALLOWED_ORIGINS'),
    adminKey: get('PARTNER_CENTER_ADMIN_KEY'),
    publicUrl: values['public-url'] ?? get('PUBLIC_URL'),
    sessionTtlHours: get('SESSION_TTL_HOURS'),
    trustProxy: values['trust-proxy'] ?? get('TRUST_PROXY'),
    frameAncestors: values['frame-ancestors'] ?? get('FRAME_ANCESTORS'),
    shutdownTimeoutSeconds: values['shutdown-timeout'] ?? get('SHUTDOWN_TIMEOUT_SECONDS'),
    demo: values.demo ?? (get('PARTNER_CENTER_DEMO') === '1' ? true : undefined),
    distDir: get('PARTNER_CENTER_DIST'),
    smtpUrl: values['smtp-url'] ?? get('SMTP_URL'),
    mailFrom: values['mail-from'] ?? get('MAIL_FROM'),
    mailNotifyTo: values['mail-notify-to'] ?? get('MAIL_NOTIFY_TO'),
    mailRetryDelays: get('MAIL_RETRY_DELAYS'),
    stripeWebhookSecret: values['stripe-webhook-secret'] ?? get('STRIPE_WEBHOOK_SECRET'),
    shopifyWebhookSecret: values['shopify-webhook-secret'] ?? get('SHOPIFY_WEBHOOK_SECRET'),
    allowPrivateWebhookUrls: values['allow-private-webhook-urls'] ?? (get('ALLOW_PRIVATE_WEBHOOK_URLS') === undefined ? undefined : /^(1|true|yes)$/i.test(get('ALLOW_PRIVATE_WEBHOOK_URLS')!)),
    webhookRetryBaseSeconds: get('WEBHOOK_RETRY_BASE_SECONDS'),
  };
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`Invalid configuration: ${issue.path.join('.') || 'value'}: ${issue.message}`);
  }
  return parsed.data;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}
