import { expect } from '@open-wc/testing';
import { HttpPartnerApi } from '../../src/api/client.js';
import { DeviceTokens } from '../../src/api/device-tokens.js';
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

describe('shared reads (one request per page for the same GET)', () => {
  let restore: () => void;
  afterEach(() => restore?.());
  const signedIn = () => {
    const session = new SessionStore(null);
    session.start({ token: 'pc_abc', expiresAt: new Date(Date.now() + 60_000).toISOString(), partner: demoPartner });
    return session;
  };
  const paths = (seen: Request[]) => seen.map((r) => `${r.method} ${new URL(r.url).pathname}${new URL(r.url).search}`);

  it('three elements asking for the programs at once send one request and all get the answer', async () => {
    const stub = stubFetch(() => json(200, { programs: [{ id: 1, name: 'Outdoor' }] }));
    restore = stub.restore;
    const api = new HttpPartnerApi('https://p.example', signedIn());
    const answers = await Promise.all([api.programs(), api.programs({ signal: new AbortController().signal }), api.programs()]);
    expect(answers.map((a) => a[0]!.name)).to.deep.equal(['Outdoor', 'Outdoor', 'Outdoor']);
    // answered a moment ago: still shared
    await api.programs();
    expect(paths(stub.seen)).to.deep.equal(['GET /api/v1/partner/programs']);
  });

  it('different queries, a failed read and a read after a write are sent again', async () => {
    let fail = true;
    const stub = stubFetch((request) => {
      if (request.url.includes('/me') && fail) return json(404, { error: { code: 'not_found', message: 'No.' } });
      return json(200, request.url.includes('overview') ? { hasActivity: false } : demoPartner);
    });
    restore = stub.restore;
    const api = new HttpPartnerApi('https://p.example', signedIn());
    await api.overview({ timeZone: 'UTC' });
    await api.overview({ timeZone: 'Europe/Berlin' });
    expect(await api.me().catch((e) => e)).to.include({ status: 404 });
    fail = false;
    expect((await api.me()).name).to.equal('Dana Demo');
    await api.updateProfile({ name: 'Dana' });
    await api.me();
    expect(paths(stub.seen)).to.deep.equal([
      'GET /api/v1/partner/overview?timeZone=UTC',
      'GET /api/v1/partner/overview?timeZone=Europe%2FBerlin',
      'GET /api/v1/me',
      'GET /api/v1/me',
      'PATCH /api/v1/me',
      'GET /api/v1/me',
    ]);
  });

  it('one caller’s cancel rejects only its own read', async () => {
    let answer!: () => void;
    const stub = stubFetch(() => json(200, demoPartner));
    restore = stub.restore;
    const original = window.fetch;
    window.fetch = (input, init) => new Promise((resolve) => (answer = () => resolve(original(input, init))));
    const api = new HttpPartnerApi('https://p.example', signedIn());
    const controller = new AbortController();
    const cancelled = api.me({ signal: controller.signal }).catch((e: Error) => e);
    const kept = api.me();
    controller.abort();
    expect(((await cancelled) as Error).name).to.equal('AbortError');
    answer();
    expect((await kept).name).to.equal('Dana Demo');
    expect(stub.seen).to.have.length(1);
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

describe('the HTTP layer (ky)', () => {
  let restore: () => void;
  afterEach(() => restore?.());
  const signedIn = (token = 'pc_abc') => {
    const session = new SessionStore(null);
    session.start({ token, expiresAt: new Date(Date.now() + 60_000).toISOString(), partner: demoPartner });
    return session;
  };

  it('retries a read (GET) after a 503 and after a network failure, then answers', async () => {
    let calls = 0;
    const stub = stubFetch(() => {
      calls += 1;
      if (calls === 1) return json(503, { error: { code: 'unavailable', message: 'Busy.' } });
      if (calls === 2) throw new TypeError('Failed to fetch');
      return json(200, demoPartner);
    });
    restore = stub.restore;
    const me = await new HttpPartnerApi('https://p.example', signedIn()).me();
    expect(me.name).to.equal('Dana Demo');
    expect(stub.seen.map((r) => r.method)).to.deep.equal(['GET', 'GET', 'GET']);
    expect(stub.seen.every((r) => r.headers.get('Authorization') === 'Bearer pc_abc')).to.equal(true);
  });

  it('gives up on a read after two retries, with the server’s error', async () => {
    const stub = stubFetch(() => json(500, { error: { code: 'internal', message: 'Something broke on our side.' } }));
    restore = stub.restore;
    const error = await new HttpPartnerApi('https://p.example', signedIn()).balance().catch((e) => e);
    expect(error).to.be.instanceOf(ApiError);
    expect(error).to.include({ status: 500, message: 'Something broke on our side.' });
    expect(stub.seen).to.have.length(3);
  });

  it('never retries a POST or a PATCH (a payout request or a profile change is sent once)', async () => {
    const stub = stubFetch(() => json(503, { error: { code: 'unavailable', message: 'Busy.' } }));
    restore = stub.restore;
    const api = new HttpPartnerApi('https://p.example', signedIn());
    expect(await api.requestPayout().catch((e) => e)).to.include({ status: 503 });
    expect(await api.updateProfile({ name: 'Dana' }).catch((e) => e)).to.include({ status: 503 });
    stub.restore();
    const failing = stubFetch(() => {
      throw new TypeError('Failed to fetch');
    });
    restore = failing.restore;
    expect(await api.createLink({ destination: 'https://shop.example/a' }).catch((e) => e)).to.be.instanceOf(ApiError);
    expect(stub.seen.map((r) => r.method)).to.deep.equal(['POST', 'PATCH']);
    // (the GET is the no-cors probe of /health that tells a refused origin from a server down)
    expect(failing.seen.map((r) => `${r.method} ${new URL(r.url).pathname}`)).to.deep.equal(['POST /api/v1/partner/links', 'GET /api/v1/health']);
  });

  it('does not wait out a long Retry-After on a read: the lockout is reported at once', async () => {
    const stub = stubFetch(() => json(429, { error: { code: 'too_many_requests', message: 'Slow down.' } }, { 'Retry-After': '120' }));
    restore = stub.restore;
    const error = await new HttpPartnerApi('https://p.example', signedIn()).me().catch((e) => e);
    expect(error).to.include({ status: 429, retryAfter: 120 });
    expect(stub.seen).to.have.length(1);
  });

  it('the 401 hook ends only the session whose token was refused', async () => {
    const session = signedIn('pc_old');
    const stub = stubFetch((request) =>
      request.headers.get('Authorization') === 'Bearer pc_old' ? json(401, { error: { code: 'session_expired', message: 'Your session has ended.' } }) : json(200, demoPartner),
    );
    restore = stub.restore;
    const api = new HttpPartnerApi('https://p.example', session);
    // an anonymous 401 (wrong password) leaves the session alone
    const wrong = stubFetch(() => json(401, { error: { code: 'invalid_credentials', message: 'Wrong code or password.' } }));
    expect(await api.login({ code: 'dana', password: 'x' }).catch((e) => e)).to.include({ code: 'invalid_credentials' });
    wrong.restore();
    expect(session.token).to.equal('pc_old');
    expect(await api.me().catch((e) => e)).to.include({ status: 401, code: 'session_expired' });
    expect(session.current).to.equal(null);
    expect(stub.seen).to.have.length(1, 'a 401 is not retried');
  });

  it('a failed request leaves no unhandled rejection behind', async () => {
    restore = stubFetch(() => new Response('{}', { status: 404 })).restore;
    const unhandled: unknown[] = [];
    const onUnhandled = (e: PromiseRejectionEvent) => {
      unhandled.push(e.reason);
      e.preventDefault();
    };
    window.addEventListener('unhandledrejection', onUnhandled);
    try {
      const error = await new HttpPartnerApi('https://p.example', signedIn()).me().catch((e) => e);
      expect(error).to.include({ status: 404, code: 'http_error' });
      await new Promise((r) => setTimeout(r, 50));
      expect(unhandled).to.deep.equal([]);
    } finally {
      window.removeEventListener('unhandledrejection', onUnhandled);
    }
  });

  it('gives up after the timeout with a timeout ApiError, and honours the caller’s cancel', async () => {
    const original = window.fetch;
    window.fetch = (input, init) => {
      const signal = init?.signal ?? (input as Request).signal;
      // like fetch: a signal aborted already rejects at once
      if (signal!.aborted) return Promise.reject(signal!.reason);
      return new Promise((_resolve, reject) => signal!.addEventListener('abort', () => reject(signal!.reason)));
    };
    restore = () => (window.fetch = original);
    const { createKy } = await import('../../src/api/client.js');
    const http = createKy('https://p.example/api/v1/', 30);
    const timedOut = (await http.get('slow').json().catch((e: Error) => e)) as Error;
    expect(timedOut.name).to.equal('TimeoutError');
    const api = new HttpPartnerApi('https://p.example', signedIn());
    const controller = new AbortController();
    const pending = api.me({ signal: controller.signal }).catch((e: Error) => e);
    controller.abort();
    expect(((await pending) as Error).name).to.equal('AbortError');
  });
});
