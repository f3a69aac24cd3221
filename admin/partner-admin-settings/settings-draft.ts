import type { HomeMenus, MerchantSettings, SettingsPatch } from '../api/types.js';
import { amountText, parseAmount, parseWhole, type FieldErrors } from '../internal/form-fields.js';

/** The settings as they stand in the form (amounts in major units, lists one per line). */
export interface SettingsDraft {
  merchantName: string;
  currency: string;
  welcomeMessage: string;
  menus: HomeMenus;
  signupMode: MerchantSettings['signupMode'];
  /** empty: the programs marked open to sign-up */
  signupProgramIds: number[];
  minimumPayout: string;
  holdDays: string;
  attributionWindowDays: string;
  allowedLinkDomains: string;
  allowedOrigins: string;
  clickParam: string;
  leadPrivacy: MerchantSettings['leadPrivacy'];
  /** when partners are paid: monthly on `payoutDay`, or when they ask */
  payoutKind: MerchantSettings['payoutSchedule']['kind'];
  payoutDay: string;
}

export function settingsDraftOf(s: MerchantSettings): SettingsDraft {
  return {
    merchantName: s.merchantName,
    currency: s.currency,
    welcomeMessage: s.welcomeMessage,
    menus: { ...s.menus },
    signupMode: s.signupMode,
    signupProgramIds: [...s.signupProgramIds],
    minimumPayout: amountText(s.minimumPayout, s.currency),
    holdDays: String(s.holdDays),
    attributionWindowDays: String(s.attributionWindowDays),
    allowedLinkDomains: s.allowedLinkDomains.join('\n'),
    allowedOrigins: s.allowedOrigins.join('\n'),
    clickParam: s.clickParam,
    leadPrivacy: s.leadPrivacy,
    payoutKind: s.payoutSchedule.kind,
    payoutDay: String(s.payoutSchedule.kind === 'monthly' ? s.payoutSchedule.day : 1),
  };
}

const lines = (text: string) =>
  text
    .split(/[\n,]/)
    .map((l) => l.trim())
    .filter(Boolean);

/**
 * The settings a draft stands for, or the errors by field: the checks of the server's schema a
 * form can make (host and origin lists are left to the server, whose error names the line).
 */
export function settingsOf(d: SettingsDraft): { settings?: MerchantSettings; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const merchantName = d.merchantName.trim();
  if (!merchantName) errors.merchantName = 'Enter the name partners see for your program';
  else if (merchantName.length > 120) errors.merchantName = 'Use at most 120 characters';
  const currency = d.currency.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) errors.currency = 'Enter a three-letter currency code, like USD or EUR';
  if (d.welcomeMessage.length > 20_000) errors.welcomeMessage = 'Use at most 20000 characters';
  const minimumPayout = errors.currency ? undefined : parseAmount(d.minimumPayout, currency);
  if (minimumPayout === undefined && !errors.currency) errors.minimumPayout = 'Enter an amount like 50.00 (0 pays any balance)';
  const holdDays = parseWhole(d.holdDays, 0, 3650);
  if (holdDays === undefined) errors.holdDays = 'Enter whole days from 0 to 3650';
  const attributionWindowDays = parseWhole(d.attributionWindowDays, 1, 3650);
  if (attributionWindowDays === undefined) errors.attributionWindowDays = 'Enter whole days from 1 to 3650';
  const clickParam = d.clickParam.trim();
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,31}$/.test(clickParam)) errors.clickParam = 'Use letters, digits and _ (up to 32, not starting with a digit), like pc_click';
  const payoutDay = d.payoutKind === 'monthly' ? parseWhole(d.payoutDay, 1, 28) : 1;
  if (payoutDay === undefined) errors.payoutDay = 'Enter a day of the month from 1 to 28';
  if (Object.keys(errors).length) return { errors };
  return {
    errors,
    settings: {
      merchantName,
      currency,
      welcomeMessage: d.welcomeMessage,
      menus: d.menus,
      signupMode: d.signupMode,
      signupProgramIds: d.signupProgramIds,
      minimumPayout: minimumPayout!,
      holdDays: holdDays!,
      attributionWindowDays: attributionWindowDays!,
      allowedLinkDomains: lines(d.allowedLinkDomains),
      allowedOrigins: lines(d.allowedOrigins),
      clickParam,
      leadPrivacy: d.leadPrivacy,
      payoutSchedule: d.payoutKind === 'monthly' ? { kind: 'monthly', day: payoutDay! } : { kind: 'on-request' },
    },
  };
}

/** Only what changed (PATCH /settings): `menus` names only the sections that changed. */
export function settingsPatchOf(next: MerchantSettings, saved: MerchantSettings): SettingsPatch {
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(next) as (keyof MerchantSettings)[]) {
    if (key === 'menus') continue;
    if (JSON.stringify(next[key]) !== JSON.stringify(saved[key])) patch[key] = next[key];
  }
  const menus = Object.fromEntries(Object.entries(next.menus).filter(([k, v]) => saved.menus[k as keyof HomeMenus] !== v));
  if (Object.keys(menus).length) patch.menus = menus;
  return patch as SettingsPatch;
}
