import type { Deps } from '../deps.js';
import { createPartner, findPartnerByCode } from '../domain/partners.js';
import { seedResources } from './seed-resources.js';

export const DEMO_CREDENTIALS = { code: 'demo', password: 'demo-password' } as const;

/**
 * Fills an empty database with a believable referral program, through the same domain code
 * the API uses. Does nothing when the demo partner exists already.
 */
export async function seedDemo(deps: Deps): Promise<boolean> {
  if (await findPartnerByCode(deps, DEMO_CREDENTIALS.code)) return false;
  await createPartner(deps, {
    code: DEMO_CREDENTIALS.code,
    name: 'Dana Demo',
    email: 'dana.demo@example.com',
    password: DEMO_CREDENTIALS.password,
  });
  await seedResources(deps);
  return true;
}
