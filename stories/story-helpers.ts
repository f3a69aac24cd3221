import { sessionStore } from '../src/session.js';
import { demoPartner } from '../test/helpers/fake-api.js';

/** Starts the page's shared session as the demo partner (for signed-in stories). */
export function signInDemo() {
  sessionStore().start({ token: 'pc_story', expiresAt: new Date(Date.now() + 3_600_000).toISOString(), partner: demoPartner });
  return () => sessionStore().end();
}

/** Ends the shared session (for signed-out stories). */
export function signOut() {
  sessionStore().end();
}
