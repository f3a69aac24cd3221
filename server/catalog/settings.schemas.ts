import { z } from 'zod';

/** The merchant's settings: each one's rules and default, the answer of `GET /api/v1/admin/settings` and the body of its PATCH. */

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

/** Which Home sections partner-center shows. */
const shown = z.boolean({ error: 'must be true or false' });
const menus = z.object({ welcome: shown, profile: shown, programs: shown, commissions: shown }, { error: 'must be an object of true/false per section' }).strict();

const days = z
  .number({ error: 'must be a whole number of days' })
  .int('must be a whole number of days')
  .min(0, 'must not be negative')
  .max(3650, 'must be at most 3650 days');

/**
 * When the merchant pays partners: monthly on a day of the month (1–28, so every month has it),
 * or when a partner asks (payout requests).
 */
export const payoutScheduleSchema = z.discriminatedUnion(
  'kind',
  [
    z
      .object({
        kind: z.literal('monthly'),
        day: z
          .number({ error: 'day must be a whole number from 1 to 28' })
          .int('day must be a whole number from 1 to 28')
          .min(1, 'day must be a whole number from 1 to 28')
          .max(28, 'day must be a whole number from 1 to 28'),
      })
      .strict(),
    z.object({ kind: z.literal('on-request') }).strict(),
  ],
  { error: 'must be { "kind": "monthly", "day": 1–28 } or { "kind": "on-request" }' },
);
export type PayoutSchedule = z.output<typeof payoutScheduleSchema>;

/**
 * Every setting's rules, without defaults: a patch is `.partial()` of these, so a field that is
 * not sent stays as it is (zod 4's `.partial()` would still fill in `.default()`s).
 */
export const settingsFields = {
  /** Name partners see for the program owner. */
  merchantName: z.string({ error: 'must be text' }).trim().min(1, 'must not be empty').max(120, 'must be at most 120 characters'),
  /** ISO 4217 code of every amount. */
  currency: z.string({ error: 'must be text' }).regex(/^[A-Z]{3}$/, 'is not an ISO 4217 currency code (like USD)'),
  /** Days a click is remembered for attribution, when a program does not say. */
  attributionWindowDays: days.min(1, 'must be at least 1 day'),
  /** Days before a commission becomes payable, when a program does not say. */
  holdDays: days,
  /** Hosts deep links may point to. Empty: the hosts of the merchant's own redirect links. */
  allowedLinkDomains: z.array(host, { error: 'must be a list of host names' }).max(100, 'must list at most 100 hosts'),
  /** Extra origins allowed to call the API from the browser (besides ALLOWED_ORIGINS). */
  allowedOrigins: z.array(origin, { error: 'must be a list of origins' }).max(100, 'must list at most 100 origins'),
  /** Smallest approved balance paid out, in cents. */
  minimumPayout: z.number({ error: 'must be a whole number of cents' }).int('must be a whole number of cents').min(0, 'must not be negative'),
  /** How partners see their leads' emails: masked (j•••@example.com) or in full. */
  leadPrivacy: z.enum(['masked', 'full'], { error: 'must be "masked" or "full"' }),
  /** Query parameter that carries the click id to the merchant's site. */
  clickParam: z.string({ error: 'must be text' }).regex(/^[A-Za-z_][A-Za-z0-9_]{0,31}$/, 'is not a query parameter name'),
  /** Welcome message (markdown) for partner-welcome. */
  welcomeMessage: z.string({ error: 'must be text' }).max(20_000, 'must be at most 20000 characters'),
  /** Who may sign up through partner-signup: nobody, anyone pending approval, or anyone at once. */
  signupMode: z.enum(['closed', 'approval', 'open'], { error: 'must be "closed", "approval" or "open"' }),
  /**
   * Programs a new partner from sign-up joins. Empty (the default): the active programs marked
   * open to sign-up (`openToSignup`); set: exactly these, whatever the programs' flags say.
   */
  signupProgramIds: z
    .array(z.number({ error: 'must be a program id' }).int('must be a program id').positive('must be a program id'), { error: 'must be a list of program ids' })
    .max(50, 'must list at most 50 programs'),
  /** Which Home sections partner-center shows. */
  menus,
  /** When partners are paid: monthly on a day (1–28), or on request (partners ask for a payout). */
  payoutSchedule: payoutScheduleSchema,
};

export type Settings = { [K in keyof typeof settingsFields]: z.output<(typeof settingsFields)[K]> };

/** What an installation starts with. */
export const settingsDefaults: Settings = {
  merchantName: 'Partner Program',
  currency: 'USD',
  attributionWindowDays: 30,
  holdDays: 30,
  allowedLinkDomains: [],
  allowedOrigins: [],
  minimumPayout: 5000,
  leadPrivacy: 'masked',
  clickParam: 'pc_click',
  welcomeMessage: 'Welcome to our partner program! Share your links and earn commission on every sale you refer.',
  signupMode: 'approval',
  signupProgramIds: [],
  menus: { welcome: true, profile: true, programs: true, commissions: true },
  payoutSchedule: { kind: 'monthly', day: 1 },
};

export const SETTING_KEYS = Object.keys(settingsFields) as (keyof Settings)[];

/**
 * The merchant's program-wide settings, each with a default. Stored one row per key (JSON) in
 * `settings`; the admin API and CLI change them.
 */
export const settingsSchema = z.object(
  Object.fromEntries(SETTING_KEYS.map((key) => [key, (settingsFields[key] as z.ZodType<unknown>).default(settingsDefaults[key])])) as {
    [K in keyof Settings]: z.ZodDefault<(typeof settingsFields)[K]>;
  },
);

/** Only the fields sent change; `menus` may name only the sections that change. */
export const settingsPatchSchema = z
  .object(settingsFields)
  .extend({ menus: menus.partial() })
  .partial()
  .strict();
export type SettingsPatch = z.input<typeof settingsPatchSchema>;
