import { expect } from '@open-wc/testing';
import { DeviceTokens, HttpPartnerApi } from '../../src/api/client.js';
import { ApiError } from '../../src/api/errors.js';
import { resolveApiBase } from '../../src/config.js';
import { SessionStore } from '../../src/session.js';
import { demoPartner } from '../helpers/fake-api.js';

/** Replaces fetch for one test with a function answering each request. */
function stubFetch(answer: (request: Request) => Response) {
  const original = window.fetch;
  const seen: Request[] = [];
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    seen.push(request);
    return answer(request);
  };
  return { seen, restore: () => (window.fetch = original) };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

describe('HttpPartnerApi', () => {
  let restore: () => void;
  afterEach(() => restore?.());

  it('sends the bearer token of the session and reads JSON', async () => {
    const session = new SessionStore(null);
    session.start({ token: 'pc_abc', expiresAt: new Date(Date.now() + 60_000).toISOString(), partner: demoPartner });
    const stub = stubFetch(() => json(200, demoPartner));
    restore = stub.restore;
    const me = await new HttpPartnerApi('https://partners.example.com', session).me();
    expect(me.name).to.equal('Dana Demo');
    expect(stub.seen[0]!.url).to.equal('https://partners.example.com/api/v1/me');
    expect(stub.seen[0]!.headers.get('Authorization')).to.equal('Bearer pc_abc');
  });

  it('turns error envelopes into typed ApiErrors with Retry-After', async () => {
    const stub = stubFetch(() => json(429, { error: { code: 'too_many_attempts', message: 'Wait.' } }, { 'Retry-After': '120' }));
    restore = stub.restore;
    const error = await new HttpPartnerApi('https://p.example', new SessionStore(null)).login({ code: 'a', password: 'b' }).catch((e) => e);
    expect(error).to.be.instanceOf(ApiError);
    expect(error.status).to.equal(429);
    expect(error.code).to.equal('too_many_attempts');
    expect(error.retryAfter).to.equal(120);
    expect(stub.seen[0]!.headers.has('Authorization')).to.equal(false);
  });

  it('keeps the device token of a sign-in in localStorage, per API and code, and sends it with the next sign-in of that code', async () => {
    const storage = new Map<string, string>();
    const fakeStorage = {
      getItem: (key: string) => storage.get(key) ?? null,
      setItem: (key: string, value: string) => void storage.set(key, value),
    } as Storage;
    const answer = { token: 'pc_abc', expiresAt: new Date(Date.now() + 60_000).toISOString(), partner: demoPartner, deviceToken: 'pcd_dana' };
    const stub = stubFetch(() => json(200, answer));
    restore = stub.restore;
    const api = () => new HttpPartnerApi('https://p.example', new SessionStore(null), new DeviceTokens(fakeStorage));
    await api().login({ code: 'Dana', password: 'pw' });
    expect(await stub.seen[0]!.json()).to.deep.equal({ code: 'Dana', password: 'pw' });
    expect(JSON.parse(storage.get('partner-center:devices')!)).to.deep.equal({ 'https://p.example|dana': 'pcd_dana' });

    await api().login({ code: 'dana', password: 'pw' });
    expect(await stub.seen[1]!.json()).to.deep.equal({ code: 'dana', password: 'pw', deviceToken: 'pcd_dana' });
    await new HttpPartnerApi('https://other.example', new SessionStore(null), new DeviceTokens(fakeStorage)).login({ code: 'dana', password: 'pw' });
    expect(await stub.seen[2]!.json()).to.deep.equal({ code: 'dana', password: 'pw' }, 'another server never gets this one’s token');
  });

  it('ends the session when a signed-in call gets 401', async () => {
    const session = new SessionStore(null);
    session.start({ token: 'pc_old', expiresAt: new Date(Date.now() + 60_000).toISOString(), partner: demoPartner });
    let ended: string | undefined;
    session.subscribe((state, reason) => (ended = state === null ? reason : undefined));
    restore = stubFetch(() => json(401, { error: { code: 'session_expired', message: 'Your session has ended.' } })).restore;
    const error = await new HttpPartnerApi('https://p.example', session).me().catch((e) => e);
    expect(error.code).to.equal('session_expired');
    expect(session.current).to.equal(null);
    expect(ended).to.equal('expired');
  });

  it('reports an unreachable server as a network error', async () => {
    restore = stubFetch(() => {
      throw new TypeError('Failed to fetch');
    }).restore;
    const error = await new HttpPartnerApi('https://p.example', new SessionStore(null)).me().catch((e) => e);
    expect(error).to.be.instanceOf(ApiError);
    expect(error.code).to.equal('network_error');
  });
});

describe('resolveApiBase', () => {
  afterEach(() => {
    document.querySelector('meta[name="partner-center:api-base"]')?.remove();
    delete (window as { PartnerCenter?: unknown }).PartnerCenter;
  });

  it('prefers the attribute, then the page meta tag, then window.PartnerCenter, then the script origin', () => {
    expect(resolveApiBase('https://a.example/')).to.equal('https://a.example');
    (window as { PartnerCenter?: unknown }).PartnerCenter = { apiBase: 'https://global.example' };
    expect(resolveApiBase()).to.equal('https://global.example');
    const meta = Object.assign(document.createElement('meta'), { name: 'partner-center:api-base', content: 'https://meta.example/' });
    document.head.append(meta);
    expect(resolveApiBase()).to.equal('https://meta.example');
    expect(resolveApiBase('https://a.example')).to.equal('https://a.example');
    meta.remove();
    delete (window as { PartnerCenter?: unknown }).PartnerCenter;
    expect(resolveApiBase()).to.equal(location.origin);
  });
});

describe('the HTTP layer', () => {
  it('a failed request read through .json() leaves no unhandled rejection behind', async () => {
    const { createHttp } = await import('../../src/api/http.js');
    const original = window.fetch;
    window.fetch = async () => new Response('{}', { status: 500 });
    const unhandled: unknown[] = [];
    const onUnhandled = (e: PromiseRejectionEvent) => {
      unhandled.push(e.reason);
      e.preventDefault();
    };
    window.addEventListener('unhandledrejection', onUnhandled);
    try {
      const http = createHttp({ prefixUrl: 'https://p.example/api/v1/', timeout: 1000 });
      const error = (await http.get("me").json().catch((e: Error) => e)) as Error;
      expect(error.name).to.equal('HTTPError');
      await new Promise((r) => setTimeout(r, 50));
      expect(unhandled).to.deep.equal([]);
    } finally {
      window.fetch = original;
      window.removeEventListener('unhandledrejection', onUnhandled);
    }
  });

  it('gives up after the timeout with a TimeoutError, and honours the caller’s cancel', async () => {
    const { createHttp } = await import('../../src/api/http.js');
    const original = window.fetch;
    window.fetch = (_input, init) =>
      new Promise((_resolve, reject) => init!.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    try {
      const http = createHttp({ prefixUrl: 'https://p.example/api/v1/', timeout: 30 });
      expect(((await http.get("slow").json().catch((e: Error) => e)) as Error).name).to.equal('TimeoutError');
      const controller = new AbortController();
      const pending = http.get("slow", { signal: controller.signal, timeout: 10_000 }).json().catch((e: Error) => e) as Promise<Error>;
      controller.abort();
      expect((await pending).name).to.equal('AbortError');
    } finally {
      window.fetch = original;
    }
  });
});
