import { engineServer } from '../../helpers/engine.js';
import { createMerchantUser } from '../../../server/merchants/users.js';

export const OWNER = { email: 'olivia@shop.example', password: 'owner-password-1' };
export const STAFF = { email: 'sam@shop.example', password: 'staff-password-1' };

/** An engine server with an owner and a staff user, and a way to sign them in. */
export async function merchantServer() {
  const s = await engineServer();
  await createMerchantUser(s.deps, { ...OWNER, role: 'owner' });
  await createMerchantUser(s.deps, { ...STAFF, role: 'staff' });
  async function signIn(who: { email: string; password: string }) {
    const res = await s.call('POST', '/api/v1/admin/auth/login', { body: who });
    if (res.status !== 200) throw new Error(`sign-in of ${who.email} failed: ${res.status} ${res.text}`);
    return res.json.token as string;
  }
  return Object.assign(s, { signIn, ownerToken: await signIn(OWNER), staffToken: await signIn(STAFF) });
}
