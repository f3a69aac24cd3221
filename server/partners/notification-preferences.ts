import type { Deps } from '../deps.js';
import { getNotificationPreferences, setNotificationPreferences } from '../mail/preferences.js';
import { kindEnabled } from '../mail/settings.js';
import type { NotificationPreferences, NotificationPreferencesPatch } from './account-email.schemas.js';

/**
 * The partner's side of the notification choices (`/me/notifications`): what they chose (stored
 * by the mail module) and which kinds the merchant sends at all.
 */
export async function notificationChoices(deps: Deps, partnerId: number): Promise<NotificationPreferences> {
  const chosen = await getNotificationPreferences(deps, partnerId);
  const available = {
    commission: (await kindEnabled(deps, 'commission_earned')) || (await kindEnabled(deps, 'commission_digest')),
    payment: await kindEnabled(deps, 'payment_sent'),
    statement: await kindEnabled(deps, 'monthly_statement'),
  };
  return { commission: chosen.commission, payment: chosen.payment, statement: chosen.statement, available };
}

export async function setNotificationChoices(deps: Deps, partnerId: number, patch: NotificationPreferencesPatch): Promise<NotificationPreferences> {
  await setNotificationPreferences(deps, partnerId, patch);
  return notificationChoices(deps, partnerId);
}
