import { z } from 'zod';
import type { Deps } from '../deps.js';

const host = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(\*\.)?([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(:\d{1,5})?$/, 'is not a host name (like shop.example.com or *.example.com)');

const origin = z
  .string()
  .trim()
  .regex(/^https?:\/\/[^/\s]+$/, 'is not an origin (like https://shop.example.com)')
  .or(z.literal('*'));

/**
 * The merchant's program-wide settings, each with a default. Stored one row per key (JSON) in
 * `settings`; the admin API and CLI change them.
 */
export const settingsSchema = z.object({
  /** Name partners see for the program owner. */
  merchantName: z.string().trim().min(1).max(120).default('Partner Program'),
  /** ISO 4217 code of every amount. */
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'is not an ISO 4217 currency code (like USD)')
    .default('USD'),
  /** Days a click is remembered for attribution, when a program does not say. */
  attributionWindowDays: z.number().int().min(1).max(3650).default(30),
  /** Days before a commission becomes payable, when a program does not say. */
  holdDays: z.number().int().min(0).max(3650).default(30),
  /** Hosts deep links may point to. Empty: the hosts of the merchant's own redirect links. */
  allowedLinkDomains: z.array(host).max(100).default([]),
  /** Extra origins allowed to call the API from the browser (besides ALLOWED_ORIGINS). */
  allowedOrigins: z.array(origin).max(100).default([]),
  /** Smallest approved balance paid out, in cents. */
  minimumPayout: z.number().int().min(0).default(5000),
  /** How partners see their leads' emails: masked (j•••@example.com) or in full. */
  leadPrivacy: z.enum(['masked', 'full']).default('masked'),
  /** Query parameter that carries the click id to the merchant's site. */
  clickParam: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_]{0,31}$/, 'is not a query parameter name')
    .default('pc_click'),
  /** Welcome message (markdown) for partner-welcome. */
  welcomeMessage: z.string().max(20_000).default('Welcome to our partner program! Share your links and earn commission on every sale you refer.'),
  /** Who may sign up through partner-signup: nobody, anyone pending approval, or anyone at once. */
  signupMode: z.enum(['closed', 'approval', 'open']).default('approval'),
  /** Programs a new partner from sign-up joins. */
  signupProgramIds: z.array(z.number().int().positive()).max(50).default([]),
  /** Which Home sections partner-center shows. */
  menus: z
    .object({
      welcome: z.boolean().default(true),
      profile: z.boolean().default(true),
      programs: z.boolean().default(true),
      commissions: z.boolean().default(true),
    })
    .default({ welcome: true, profile: true, programs: true, commissions: true }),
});

export type Settings = z.infer<typeof settingsSchema>;
export const settingsPatchSchema = settingsSchema.partial().strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

const cache = new WeakMap<Deps['db'], Settings>();

/** All settings, defaults filled in. Cached per database; writes go through updateSettings. */
export async function getSettings(deps: Deps): Promise<Settings> {
  const cached = cache.get(deps.db);
  if (cached) return cached;
  const rows = await deps.db.kysely.selectFrom('settings').select(['key', 'value']).execute();
  const raw: Record<string, unknown> = {};
  for (const row of rows) {
    try {
      raw[row.key] = JSON.parse(row.value);
    } catch {
      // a hand-edited bad value falls back to its default
    }
  }
  const parsed = settingsSchema.safeParse(raw);
  const settings = parsed.success ? parsed.data : settingsSchema.parse({});
  cache.set(deps.db, settings);
  return settings;
}

/** Validates and stores a partial update; returns the new settings. Throws ZodError on bad input. */
export async function updateSettings(deps: Deps, patch: SettingsPatch): Promise<Settings> {
  const checked = settingsPatchSchema.parse(patch);
  const now = deps.clock();
  await deps.db.kysely.transaction().execute(async (trx) => {
    for (const [key, value] of Object.entries(checked)) {
      if (value === undefined) continue;
      await trx
        .insertInto('settings')
        .values({ key, value: JSON.stringify(value), updated_at: now })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value), updated_at: now }))
        .execute();
    }
  });
  cache.delete(deps.db);
  return getSettings(deps);
}
