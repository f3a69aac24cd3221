import { expect, fixture, html } from '@open-wc/testing';
import { filenameOf, HttpPartnerApi } from '../../src/api/client.js';
import { ApiError } from '../../src/api/errors.js';
import { dayValue, localIso, parseDay, presetRange } from '../../src/internal/date-range.js';
import { formatDay, formatMoney, formatPercent, localeOf, toDecimal } from '../../src/format.js';
import { SessionStore } from '../../src/session.js';
import { demoPartner } from '../helpers/fake-api.js';

describe('src/format.ts', function () {
  this.timeout(15_000);
  it('formats cents as money in the currency and locale, exactly', () => {
    expect(formatMoney(123_456, 'USD', 'en-US')).to.equal('$1,234.56');
    expect(formatMoney(-5, 'USD', 'en-US')).to.equal('−$0.05');
    expect(formatMoney(1_250, 'USD', 'en-US', { signed: true })).to.equal('+$12.50');
    expect(formatMoney(-1_250, 'USD', 'en-US', { signed: true })).to.equal('−$12.50');
    expect(formatMoney(0, 'USD', 'en-US', { signed: true })).to.equal('$0.00');
    expect(formatMoney(123_456, 'EUR', 'de-DE')).to.equal('1.234,56\u00a0€');
    expect(formatMoney(1_234, 'JPY', 'en-US')).to.equal('¥1,234');
    expect(formatMoney(900_719_925_474_099, 'USD', 'en-US')).to.equal('$9,007,199,254,740.99');
    expect(formatMoney(1_234_567, 'KWD', 'en-US')).to.equal('KWD\u00a01,234.567');
  });

  it('writes minor units as decimals without floating point', () => {
    expect(toDecimal(-5, 2)).to.equal('-0.05');
    expect(toDecimal(1_000, 0)).to.equal('1000');
    expect(toDecimal(7, 3)).to.equal('0.007');
  });

  it('formats rates and days', () => {
    expect(formatPercent(312, 'en-US')).to.equal('3.12%');
    expect(formatPercent(10_000, 'en-US')).to.equal('100%');
    expect(formatDay('2026-01-05', 'en-US')).to.equal('Jan 5, 2026');
    expect(formatDay('2026-01-05', 'en-US', 'short')).to.equal('Jan 5');
  });

  it("reads the locale from the nearest lang attribute, then the page's", async () => {
    const el = await fixture(html`<div lang="fr-CA"><span></span></div>`);
    expect(localeOf(el.querySelector('span'))).to.equal('fr-CA');
    const bad = await fixture(html`<div lang="not a locale!"><span></span></div>`);
    expect(localeOf(bad.querySelector('span'))).to.equal(Intl.getCanonicalLocales(document.documentElement.lang || navigator.language)[0]);
  });
});

describe('date ranges', function () {
  this.timeout(15_000);
  it('presets are local calendar periods', () => {
    const now = new Date(2026, 0, 15, 10, 30);
    expect(presetRange('this-month', now)).to.deep.equal({ from: new Date(2026, 0, 1), to: new Date(2026, 0, 31, 23, 59, 59, 999) });
    expect(presetRange('last-month', now)).to.deep.equal({ from: new Date(2025, 11, 1), to: new Date(2025, 11, 31, 23, 59, 59, 999) });
    expect(presetRange('this-year', now)).to.deep.equal({ from: new Date(2026, 0, 1), to: new Date(2026, 11, 31, 23, 59, 59, 999) });
    expect(presetRange('all', now)).to.deep.equal({});
    expect(presetRange('last-month', new Date(2026, 2, 31))).to.deep.equal({ from: new Date(2026, 1, 1), to: new Date(2026, 1, 28, 23, 59, 59, 999) });
  });

  it('instants go out with the local offset and mean the same moment', () => {
    const d = new Date(2026, 0, 31, 23, 59, 59, 999);
    const iso = localIso(d);
    expect(iso).to.match(/^2026-01-31T23:59:59\.999[+-]\d{2}:\d{2}$/);
    expect(Date.parse(iso)).to.equal(d.getTime());
    expect(dayValue(d)).to.equal('2026-01-31');
  });

  it('date inputs become whole local days; impossible days are refused', () => {
    expect(parseDay('2026-02-28', true)).to.deep.equal(new Date(2026, 1, 28, 23, 59, 59, 999));
    expect(parseDay('2026-02-30', false)).to.equal(null);
    expect(parseDay('', false)).to.equal(null);
  });
});

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

describe('HttpPartnerApi reports', function () {
  this.timeout(15_000);
  let restore: () => void;
  afterEach(() => restore?.());
  /** A session kept in memory only, so nothing leaks into the tab's sessionStorage. */
  const memory = () => {
    const items = new Map<string, string>();
    return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v), removeItem: (k: string) => void items.delete(k) } as unknown as Storage;
  };
  const session = () => {
    const s = new SessionStore(memory());
    s.start({ token: 'pc_abc', expiresAt: new Date(Date.now() + 60_000).toISOString(), partner: demoPartner });
    return s;
  };

  it('asks for a ledger page with the range, cursor and limit, carrying the token', async () => {
    const stub = stubFetch(() => new Response(JSON.stringify({ summary: {}, entries: [], nextCursor: null }), { headers: { 'Content-Type': 'application/json' } }));
    restore = stub.restore;
    await new HttpPartnerApi('https://p.example', session()).ledger({ from: '2026-01-01T00:00:00.000+01:00', to: undefined, cursor: 'abc', limit: 20 });
    const url = new URL(stub.seen[0]!.url);
    expect(url.pathname).to.equal('/api/v1/partner/ledger');
    expect(Object.fromEntries(url.searchParams)).to.deep.equal({ from: '2026-01-01T00:00:00.000+01:00', cursor: 'abc', limit: '20' });
    expect(stub.seen[0]!.headers.get('Authorization')).to.equal('Bearer pc_abc');
  });

  it('downloads a CSV with the bearer token and the file name the server gave', async () => {
    const stub = stubFetch(
      () => new Response('\uFEFFDate,Type\r\n', { headers: { 'Content-Type': 'text/csv', 'Content-Disposition': 'attachment; filename="ledger-2026-01-01-to-2026-01-31.csv"' } }),
    );
    restore = stub.restore;
    const file = await new HttpPartnerApi('https://p.example', session()).downloadCsv('commissions', { from: '2026-01-01' });
    const request = stub.seen[0]!;
    expect(new URL(request.url).pathname).to.equal('/api/v1/partner/reports/commissions');
    expect(new URL(request.url).searchParams.get('format')).to.equal('csv');
    expect(request.headers.get('Accept')).to.equal('text/csv');
    expect(request.headers.get('Authorization')).to.equal('Bearer pc_abc');
    expect(file.filename).to.equal('ledger-2026-01-01-to-2026-01-31.csv');
    expect([...new Uint8Array(await file.blob.arrayBuffer())].slice(0, 4)).to.deep.equal([0xef, 0xbb, 0xbf, 0x44]);
    expect(await file.blob.text()).to.equal('Date,Type\r\n');
  });

  it('a refused CSV is an ApiError naming the field', async () => {
    restore = stubFetch(
      () => new Response(JSON.stringify({ error: { code: 'invalid_date', message: 'from: is not a date', field: 'from' } }), { status: 400, headers: { 'Content-Type': 'application/json' } }),
    ).restore;
    const error = await new HttpPartnerApi('https://p.example', session()).downloadCsv('ledger', { from: 'x' }).catch((e) => e);
    expect(error).to.be.instanceOf(ApiError);
    expect([error.status, error.code, error.field]).to.deep.equal([400, 'invalid_date', 'from']);
  });

  it('reads file names safely', () => {
    expect(filenameOf('attachment; filename="a.csv"', 'x.csv')).to.equal('a.csv');
    expect(filenameOf("attachment; filename*=UTF-8''caf%C3%A9.csv", 'x.csv')).to.equal('café.csv');
    expect(filenameOf('attachment; filename="../../etc/passwd"', 'x.csv')).to.equal('.._.._etc_passwd');
    expect(filenameOf(null, 'x.csv')).to.equal('x.csv');
    expect(filenameOf('attachment; filename="%E0%A4%A"', 'x.csv')).to.equal('%E0%A4%A');
  });
});
