import { ApiError } from '../../src/api/errors.js';
import type {
  Balance,
  Commission,
  Credentials,
  Lead,
  LedgerEntry,
  LinkStats,
  LoginResult,
  PageQuery,
  Partner,
  PartnerApi,
  ReportName,
  RequestOptions,
  Sale,
} from '../../src/api/types.js';
import { sessionStore } from '../../src/session.js';
import { commissionReportOf, ledgerPageOf, sampleBalance, sampleLinkStats } from './report-data.js';

/**
 * A stand-in for the partner API, for element tests and Storybook stories: no server, answers
 * chosen per scenario, every call recorded.
 */
export interface FakeApiOptions {
  /** How sign-in answers: `pending` never settles (the busy state). */
  login?: 'ok' | 'invalid' | 'locked' | 'disabled' | 'network' | 'pending';
  /** Seconds of lockout for `login: 'locked'`. */
  retryAfter?: number;
  partner?: Partner;
  /** Milliseconds every answer waits. */
  delay?: number;

  // ── reports: <partner-ledger>, <partner-reports> ──
  /** How report calls answer: `pending` never settles; `expired` is a 401 that ends the session. */
  reports?: 'ok' | 'error' | 'network' | 'pending' | 'expired';
  /** Only the calls for a next page (with a cursor) fail. */
  moreFails?: boolean;
  /** Ledger entries, newest first, with running balances (see report-data.ts). Default: none. */
  ledger?: LedgerEntry[];
  /** Overrides of the balance derived from the ledger. */
  balance?: Partial<Balance>;
  commissions?: Commission[];
  leads?: Lead[];
  leadPrivacy?: 'masked' | 'full';
  sales?: Sale[];
  /** Default: no activity. */
  linkStats?: LinkStats;
  /** How CSV downloads answer. */
  csv?: 'ok' | 'error';
  currency?: string;
}

export const demoPartner: Partner = {
  code: 'demo',
  name: 'Dana Demo',
  email: 'dana.demo@example.com',
  status: 'active',
  createdAt: '2026-01-05T09:30:00.000Z',
};

export interface FakeApi extends PartnerApi {
  calls: { method: string; args: unknown[] }[];
}

const never = <T>() => new Promise<T>(() => {});

export function fakeApi(options: FakeApiOptions = {}): FakeApi {
  const partner = options.partner ?? demoPartner;
  const calls: FakeApi['calls'] = [];
  const answer = async <T>(method: string, args: unknown[], produce: () => T | Promise<T>): Promise<T> => {
    calls.push({ method, args });
    if (options.delay) await new Promise((r) => setTimeout(r, options.delay));
    return produce();
  };
  return {
    calls,
    login(credentials: Credentials, _o?: RequestOptions) {
      return answer<LoginResult>('login', [credentials], () => {
        switch (options.login ?? 'ok') {
          case 'invalid':
            throw new ApiError(401, 'invalid_credentials', 'The partner code or password is incorrect');
          case 'locked': {
            const seconds = options.retryAfter ?? 900;
            throw new ApiError(429, 'too_many_attempts', `Too many failed sign-in attempts. Try again in ${Math.ceil(seconds / 60)} minutes.`, undefined, seconds);
          }
          case 'disabled':
            throw new ApiError(403, 'account_disabled', 'This partner account is disabled. Please contact the program manager.');
          case 'network':
            throw new ApiError(0, 'network_error', 'The partner server could not be reached. Check your connection and try again.');
          case 'pending':
            return never<LoginResult>();
          default:
            return { token: 'pc_fake-token', expiresAt: new Date(Date.now() + 3_600_000).toISOString(), partner: { ...partner, code: credentials.code || partner.code } };
        }
      });
    },
    logout() {
      return answer('logout', [], () => undefined);
    },
    me() {
      return answer('me', [], () => partner);
    },
    ...fakeReports(options, answer),
  };
}

// ── reports: <partner-ledger>, <partner-reports> ───────────────────────────────────────────

type Answer = <T>(method: string, args: unknown[], produce: () => T | Promise<T>) => Promise<T>;

const inRange = (date: string, q: { from?: string; to?: string }) => {
  const at = Date.parse(date);
  return (!q.from || at >= Date.parse(q.from)) && (!q.to || at <= Date.parse(q.to));
};

function pageOf<T extends { date: string }>(items: T[], q: PageQuery) {
  const within = items.filter((i) => inRange(i.date, q));
  const start = q.cursor ? Number(q.cursor.replace('fake:', '')) : 0;
  const limit = q.limit ?? 50;
  return { within, items: within.slice(start, start + limit), nextCursor: start + limit < within.length ? `fake:${start + limit}` : null };
}

const emptyStats = (currency: string): LinkStats => ({
  ...sampleLinkStats(0),
  currency,
  bySub: [],
  byLink: [],
});

function fakeReports(options: FakeApiOptions, answer: Answer) {
  const currency = options.currency ?? 'USD';
  const ledger = options.ledger ?? [];
  const fail = <T>(q?: { cursor?: string }) => {
    const mode = options.moreFails ? (q?.cursor ? 'error' : 'ok') : (options.reports ?? 'ok');
    switch (mode) {
      case 'error':
        throw new ApiError(500, 'internal_error', 'Something went wrong on the server');
      case 'network':
        throw new ApiError(0, 'network_error', 'The partner server could not be reached. Check your connection and try again.');
      case 'expired':
        sessionStore().end('expired');
        throw new ApiError(401, 'session_expired', 'Your session has ended. Please sign in again.');
      case 'pending':
        return never<T>();
      default:
        return undefined;
    }
  };
  const reply = <T>(method: string, args: unknown[], q: { cursor?: string } | undefined, produce: () => T) =>
    answer<T>(method, args, () => fail<T>(q) ?? produce());
  return {
    ledger(q: PageQuery) {
      return reply('ledger', [q], q, () => ledgerPageOf(ledger, q, currency));
    },
    balance() {
      return reply('balance', [], undefined, () => ({ ...sampleBalance(ledger), currency, ...options.balance }));
    },
    commissionReport(q: PageQuery) {
      return reply('commissionReport', [q], q, () => {
        const page = pageOf(options.commissions ?? [], q);
        return { ...commissionReportOf(page.within, currency), items: page.items, nextCursor: page.nextCursor };
      });
    },
    leadReport(q: PageQuery) {
      return reply('leadReport', [q], q, () => {
        const page = pageOf(options.leads ?? [], q);
        const customers = page.within.filter((l) => l.status === 'customer').length;
        return { privacy: options.leadPrivacy ?? 'masked', totals: { leads: page.within.length, customers }, items: page.items, nextCursor: page.nextCursor };
      });
    },
    salesReport(q: PageQuery) {
      return reply('salesReport', [q], q, () => {
        const page = pageOf(options.sales ?? [], q);
        const sum = (k: 'amount' | 'refunded' | 'commission') => page.within.reduce((s, x) => s + x[k], 0);
        return {
          currency,
          totals: { count: page.within.length, amount: sum('amount'), refunded: sum('refunded'), commission: sum('commission') },
          items: page.items,
          nextCursor: page.nextCursor,
        };
      });
    },
    linkStats(q: { from?: string; to?: string; timeZone?: string }) {
      return reply('linkStats', [q], undefined, () => {
        const stats = options.linkStats ?? emptyStats(currency);
        return { ...stats, byDay: stats.byDay.filter((d) => inRange(`${d.date}T12:00:00Z`, q)) };
      });
    },
    downloadCsv(report: ReportName, q: { from?: string; to?: string }) {
      return answer('downloadCsv', [report, q], () => {
        if (options.csv === 'error') throw new ApiError(500, 'internal_error', 'Something went wrong on the server');
        const rows = report === 'ledger' ? ledger.filter((e) => inRange(e.date, q)).map((e) => `${e.date},${e.type},${e.amount},${e.balance}`) : [];
        const span = q.from || q.to ? `${(q.from ?? 'start').slice(0, 10)}-to-${(q.to ?? 'now').slice(0, 10)}` : 'all-time';
        return { blob: new Blob([['Date,Type,Amount,Balance', ...rows].join('\r\n')], { type: 'text/csv' }), filename: `${report}-${span}.csv` };
      });
    },
  };
}
