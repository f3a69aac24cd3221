import type { Deps } from '../deps.js';
import { DomainError } from '../shared/errors.js';
import { getSettings, settingsPatchSchema, updateSettings, type Settings, type SettingsPatch } from './settings.js';
import { parseInput } from '../shared/validation.js';
import { audit } from '../merchants/audit.js';

/**
 * Settings changes from the admin API and CLI: validated with the settings schema (bad input is
 * a DomainError naming the field), and the currency is fixed once money is on any ledger —
 * balances are sums, and sums of two currencies mean nothing.
 */
export async function changeSettings(deps: Deps, patch: SettingsPatch): Promise<Settings> {
  const data = parseInput(settingsPatchSchema, patch);
  const current = await getSettings(deps);
  if (data.currency !== undefined) {
    if (data.currency !== current.currency) {
      const money = await deps.db.kysely.selectFrom('ledger_entries').select('id').limit(1).executeTakeFirst();
      if (money) {
        throw new DomainError('conflict', 'currency_locked', `The currency cannot change from ${current.currency} once partners have ledger entries`, 'currency');
      }
    }
  }
  const after = await updateSettings(deps, data);
  const changed = Object.keys(data) as (keyof Settings)[];
  await audit(deps, {
    action: 'settings.update',
    target: { type: 'settings' },
    before: Object.fromEntries(changed.map((k) => [k, current[k]])),
    after: Object.fromEntries(changed.map((k) => [k, after[k]])),
  });
  return after;
}
