import type { Deps } from '../deps.js';
import { SETTING_KEYS, settingsDefaults, settingsFields, settingsPatchSchema, type Settings, type SettingsPatch } from './settings.schemas.js';

export { SETTING_KEYS, settingsPatchSchema, settingsSchema, type Settings, type SettingsPatch } from './settings.schemas.js';

const cache = new WeakMap<Deps['db'], Settings>();

/** A stored value, or the default when it is missing or no longer valid (a hand edit, an older rule). */
function storedOrDefault<K extends keyof Settings>(key: K, stored: unknown): Settings[K] {
  const value = key === 'menus' && stored && typeof stored === 'object' ? { ...settingsDefaults.menus, ...stored } : stored;
  const parsed = settingsFields[key].safeParse(value);
  return (parsed.success ? parsed.data : settingsDefaults[key]) as Settings[K];
}

/** The settings when they are cached already (the redirect's path: no await when there is nothing to wait for). */
export const cachedSettings = (deps: Deps): Settings | undefined => cache.get(deps.db);

/** All settings, defaults filled in. Cached per database; writes go through updateSettings. */
export async function getSettings(deps: Deps): Promise<Settings> {
  const cached = cache.get(deps.db);
  if (cached) return cached;
  const rows = await deps.db.kysely.selectFrom('settings').select(['key', 'value']).execute();
  const raw = new Map<string, unknown>();
  for (const row of rows) {
    try {
      raw.set(row.key, JSON.parse(row.value));
    } catch {
      // a hand-edited bad value falls back to its default
    }
  }
  const settings = Object.fromEntries(SETTING_KEYS.map((key) => [key, raw.has(key) ? storedOrDefault(key, raw.get(key)) : settingsDefaults[key]])) as Settings;
  cache.set(deps.db, settings);
  return settings;
}

/**
 * Validates and stores a partial update: exactly the fields named change. Returns the new
 * settings. Throws ZodError on bad input.
 */
export async function updateSettings(deps: Deps, patch: SettingsPatch): Promise<Settings> {
  const checked = settingsPatchSchema.parse(patch);
  const current = await getSettings(deps);
  const { menus: menusPatch, ...rest } = checked;
  const changes: Partial<Settings> = { ...rest, ...(menusPatch && { menus: { ...current.menus, ...menusPatch } }) };
  const now = deps.clock();
  await deps.db.kysely.transaction().execute(async (trx) => {
    for (const [key, value] of Object.entries(changes)) {
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
