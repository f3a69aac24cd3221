import { sessionStore } from '../../src/session.js';
import type { FakeApi } from './fake-api.js';

/**
 * What the tests of the report elements (`<partner-ledger>`, `<partner-reports>`) share.
 * Test files can share a browser tab: call `signedOutAroundEachTest()` once at the top of a file
 * so every test starts and ends signed out, with no session kept in sessionStorage.
 */
export function signedOutAroundEachTest() {
  const signOutEverywhere = () => {
    sessionStore().end();
    sessionStorage.clear();
  };
  beforeEach(signOutEverywhere);
  afterEach(signOutEverywhere);
}

/** The calls the fake API received for one method, in order. */
export const callsOf = (api: FakeApi, method: string) => api.calls.filter((c) => c.method === method);
