import type { Deps } from '../deps.js';
import { audit } from '../merchants/audit.js';
import { parseInput } from '../shared/validation.js';
import { integrationsPatchSchema, type Integrations } from './integrations.schemas.js';

/**
 * The connectors' signing secrets. The environment (STRIPE_WEBHOOK_SECRET, SHOPIFY_WEBHOOK_SECRET)
 * gives the defaults; what the owner sets in the console wins over it (cleared: the environment's
 * again), like the email settings.
 */
export interface IntegrationSecrets {
  stripe: { secret: string | null; from: 'env' | 'settings' | null };
  shopify: { secret: string | null; from: 'env' | 'settings' | null };
}

export async function integrationSecrets(deps: Deps): Promise<IntegrationSecrets> {
  const row = await deps.db.kysely.selectFrom('integration_settings').selectAll().where('id', '=', 1).executeTakeFirst();
  const pick = (stored: string | null | undefined, env: string | undefined) =>
    stored ? { secret: stored, from: 'settings' as const } : env ? { secret: env, from: 'env' as const } : { secret: null, from: null };
  return {
    stripe: pick(row?.stripe_webhook_secret, deps.config.stripeWebhookSecret),
    shopify: pick(row?.shopify_webhook_secret, deps.config.shopifyWebhookSecret),
  };
}

export const STRIPE_WEBHOOK_PATH = '/api/v1/integrations/stripe/webhook';
export const SHOPIFY_WEBHOOK_PATH = '/api/v1/integrations/shopify/webhook';

/** What the console shows: configured or not, from where, and the URL to paste on the other side (never the secrets). */
export async function integrationsView(deps: Deps, origin: string): Promise<Integrations> {
  const secrets = await integrationSecrets(deps);
  return {
    stripe: { configured: secrets.stripe.secret !== null, from: secrets.stripe.from, webhookUrl: origin + STRIPE_WEBHOOK_PATH },
    shopify: { configured: secrets.shopify.secret !== null, from: secrets.shopify.from, webhookUrl: origin + SHOPIFY_WEBHOOK_PATH },
  };
}

/** Sets or clears (null) the secrets sent; the audit log says which changed, never their value. */
export async function changeIntegrations(deps: Deps, input: unknown, origin: string): Promise<Integrations> {
  const patch = parseInput(integrationsPatchSchema, input);
  const changes: { stripe_webhook_secret?: string | null; shopify_webhook_secret?: string | null } = {};
  if (patch.stripeWebhookSecret !== undefined) changes.stripe_webhook_secret = patch.stripeWebhookSecret;
  if (patch.shopifyWebhookSecret !== undefined) changes.shopify_webhook_secret = patch.shopifyWebhookSecret;
  if (Object.keys(changes).length) {
    await deps.db.kysely.transaction().execute(async (trx) => {
      const now = deps.clock();
      await trx
        .insertInto('integration_settings')
        .values({ id: 1, ...changes, updated_at: now })
        .onConflict((oc) => oc.column('id').doUpdateSet({ ...changes, updated_at: now }))
        .execute();
      const said = (v: string | null | undefined) => (v === undefined ? undefined : v === null ? 'cleared' : 'set');
      await audit(
        deps,
        { action: 'integrations.update', target: { type: 'integrations' }, after: { stripeWebhookSecret: said(patch.stripeWebhookSecret), shopifyWebhookSecret: said(patch.shopifyWebhookSecret) } },
        trx,
      );
    });
  }
  return integrationsView(deps, origin);
}
