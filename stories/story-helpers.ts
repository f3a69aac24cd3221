import type { SessionStore } from '../src/session.js';
import { fakeSession } from '../test/helpers/fake-api.js';

/**
 * A session of the story's own, in memory: signed in as the demo partner, or signed out.
 * Every story passes one to its element (`.sessionStore=${…}`), so on a docs page, where all
 * stories render in one document, a signed-out story cannot sign the others out.
 */
export const storySession = (signedIn = true): SessionStore => fakeSession(signedIn);
