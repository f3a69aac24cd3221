import type { Deps } from '../deps.js';
import type { Executor } from '../db/executor.js';
import { asRunner, type Runner } from '../db/runner.js';
import { prepare } from '../db/prepared.js';
import type { CommissionRow } from '../db/schema.js';
import type { PaymentRow } from '../money/payments.js';
import { getSettings } from '../catalog/settings.js';
import { enqueueMail } from '../mail/outbox.js';
import { moneyNow, periodMoney } from '../money/money-terms.js';
import { LEDGER_CSV_HEADER, ledgerCsvLines } from '../money/reports/ledger.js';
import { csvLine, csvText } from '../shared/csv.js';
import { formatMoney } from '../shared/money.js';
import { DAY_MS } from '../shared/time.js';

/**
 * The money notifications partners may choose (`/me/notifications`): each new commission at
 * once (`commission_earned`) or in a daily digest, each payment (`payment_sent`), and a monthly
 * statement with the month's ledger as CSV. Whether a partner wants a kind, and whether the
 * merchant sends it, is decided by `enqueueMail` (it answers null). Times are UTC: a digest
 * covers one UTC day, a statement one UTC calendar month.
 */

// formatters made once: toLocaleDateString builds one per call, a tenth of a sale's time in a profile
const dayFormat = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
const monthFormat = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'long', timeZone: 'UTC' });
const dateOf = (at: number) => dayFormat.format(at);
const monthOf = (at: number) => monthFormat.format(at);

/** Runs `send`, never letting a message fail the money change it reports (logged instead). */
async function notSafely(what: string, send: () => Promise<unknown>): Promise<void> {
  try {
    await send();
  } catch (err) {
    console.error(`[partner-center] could not queue the ${what} message:`, err);
  }
}

const programName = prepare((db, p: { id: number }) => db.selectFrom('programs').select('name').where('id', '=', p.id));
const saleAmount = prepare((db, p: { id: number }) => db.selectFrom('sales').select('amount').where('id', '=', p.id));
const partnerEmail = prepare((db, p: { id: number }) => db.selectFrom('partners').select('email').where('id', '=', p.id));

/** What the code that just wrote a commission knows already (its sale, program and partner): not read back. */
export interface KnownFacts {
  programName: string;
  saleAmount: number | null;
  partner: { name: string; code: string; email: string };
}

/**
 * Queues `commission_earned` for new commissions, inside the transaction that records them (a
 * rolled-back sale sends nothing). Zero commissions earn no message.
 */
export async function notifyCommissionsEarned(
  deps: Deps,
  trx: Executor | Runner,
  rows: (Pick<CommissionRow, 'partner_id' | 'program_id' | 'amount' | 'payable_at' | 'sale_id'> & { known?: KnownFacts })[],
  currency: string,
): Promise<void> {
  const run = asRunner(trx);
  for (const row of rows) {
    if (row.amount <= 0) continue;
    await notSafely('commission_earned', async () => {
      const { known } = row;
      const program = known ? { name: known.programName } : row.program_id === null ? undefined : await run.first(programName(run.db, { id: row.program_id }));
      const sale = known ? (known.saleAmount === null ? undefined : { amount: known.saleAmount }) : row.sale_id === null ? undefined : await run.first(saleAmount(run.db, { id: row.sale_id }));
      await enqueueMail(
        deps,
        {
          kind: 'commission_earned',
          to: known?.partner.email ?? (await emailOf(run, row.partner_id)),
          partnerId: row.partner_id,
          ...(known && { partner: known.partner }),
          data: {
            amount: formatMoney(row.amount, currency),
            program: program?.name ?? 'the partner program',
            'sale.amount': sale ? formatMoney(sale.amount, currency) : 'none (a sign-up)',
            payableOn: dateOf(row.payable_at),
          },
        },
        run,
      );
    });
  }
}

async function emailOf(db: Executor | Runner, partnerId: number): Promise<string> {
  const run = asRunner(db);
  return (await run.one(partnerEmail(run.db, { id: partnerId }))).email;
}

/** Queues `payment_sent` for a payment, inside the transaction that records it. */
export async function notifyPaymentSent(deps: Deps, trx: Executor, payment: PaymentRow): Promise<void> {
  await notSafely('payment_sent', async () =>
    enqueueMail(
      deps,
      {
        kind: 'payment_sent',
        to: await emailOf(trx, payment.partner_id),
        partnerId: payment.partner_id,
        data: {
          amount: formatMoney(payment.amount, payment.currency),
          method: payment.method ?? 'not stated',
          reference: payment.reference ?? 'none',
        },
      },
      trx,
    ),
  );
}

// ── scheduled: the daily digest and the monthly statement ───────────────────────────────────

const dayKey = (at: number) => new Date(at).toISOString().slice(0, 10);

/**
 * Claims (job, partner, period) for this instance: true when no instance claimed it before. The
 * claim is written in the transaction that queues the message, so it is sent exactly once even
 * with several instances running the jobs, and a crash before commit leaves it to the next run.
 */
async function claim(trx: Executor, job: 'commission_digest' | 'monthly_statement', partnerId: number, period: string, now: number): Promise<boolean> {
  const result = await trx
    .insertInto('notification_runs')
    .values({ job, partner_id: partnerId, period, claimed_at: now })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
}

/**
 * The digest of yesterday (UTC) to every active partner who chose "daily" and earned in it: the
 * count, the total and one line per commission. Returns how many were queued.
 */
export async function sendCommissionDigests(deps: Deps): Promise<number> {
  const db = deps.db.kysely;
  const now = deps.clock();
  const until = Math.floor(now / DAY_MS) * DAY_MS;
  const from = until - DAY_MS;
  const period = dayKey(from);
  const { currency } = await getSettings(deps);
  const partners = await db
    .selectFrom('commissions')
    .innerJoin('partners', 'partners.id', 'commissions.partner_id')
    .innerJoin('notification_preferences', 'notification_preferences.partner_id', 'partners.id')
    .leftJoin('notification_runs', (join) =>
      join
        .onRef('notification_runs.partner_id', '=', 'partners.id')
        .on('notification_runs.job', '=', 'commission_digest')
        .on('notification_runs.period', '=', period),
    )
    .select(['partners.id', 'partners.email'])
    .distinct()
    .where('commissions.created_at', '>=', from)
    .where('commissions.created_at', '<', until)
    .where('commissions.amount', '>', 0)
    .where('partners.status', '=', 'active')
    .where('notification_preferences.commission', '=', 'daily')
    .where('notification_runs.partner_id', 'is', null)
    .execute();
  let queued = 0;
  for (const partner of partners) {
    const commissions = await db
      .selectFrom('commissions')
      .innerJoin('programs', 'programs.id', 'commissions.program_id')
      .leftJoin('sales', 'sales.id', 'commissions.sale_id')
      .select(['commissions.amount', 'programs.name as program', 'sales.amount as saleAmount'])
      .where('commissions.partner_id', '=', partner.id)
      .where('commissions.created_at', '>=', from)
      .where('commissions.created_at', '<', until)
      .where('commissions.amount', '>', 0)
      .orderBy('commissions.created_at')
      .orderBy('commissions.id')
      .execute();
    const money = (cents: number) => formatMoney(cents, currency);
    const list = commissions
      .map((c) => `- ${money(c.amount)} in ${c.program} ${c.saleAmount === null ? 'for a sign-up' : `on a sale of ${money(c.saleAmount)}`}`)
      .join('\n');
    const total = commissions.reduce((sum, c) => sum + c.amount, 0);
    const sent = await db.transaction().execute(async (trx) => {
      if (!(await claim(trx, 'commission_digest', partner.id, period, now))) return false;
      const id = await enqueueMail(
        deps,
        { kind: 'commission_digest', to: partner.email, partnerId: partner.id, data: { count: String(commissions.length), amount: money(total), list } },
        trx,
      );
      return id !== null;
    });
    if (sent) queued++;
  }
  return queued;
}

/**
 * Last month's statement (UTC) to every active partner with ledger entries in it or a balance
 * at its end: earned, paid, the balance at the end and what is payable now, with the month's
 * ledger as CSV (the columns of the ledger report's CSV). Returns how many were queued.
 */
export async function sendMonthlyStatements(deps: Deps): Promise<number> {
  const db = deps.db.kysely;
  const now = deps.clock();
  const today = new Date(now);
  const until = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 1);
  const from = Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 1);
  const period = new Date(from).toISOString().slice(0, 7);
  const { currency } = await getSettings(deps);
  const candidates = await db
    .selectFrom('partners')
    .leftJoin('notification_preferences', 'notification_preferences.partner_id', 'partners.id')
    .leftJoin('notification_runs', (join) =>
      join
        .onRef('notification_runs.partner_id', '=', 'partners.id')
        .on('notification_runs.job', '=', 'monthly_statement')
        .on('notification_runs.period', '=', period),
    )
    .select(['partners.id', 'partners.email'])
    .where('partners.status', '=', 'active')
    .where('notification_runs.partner_id', 'is', null)
    .where((eb) => eb.or([eb('notification_preferences.statement', 'is', null), eb('notification_preferences.statement', '=', 1)]))
    .where((eb) =>
      eb.or([
        eb.exists(
          eb.selectFrom('ledger_entries').select('ledger_entries.id').whereRef('ledger_entries.partner_id', '=', 'partners.id').where('ledger_entries.at', '>=', from).where('ledger_entries.at', '<', until),
        ),
        eb(
          eb
            .selectFrom('ledger_entries')
            .select('ledger_entries.balance')
            .whereRef('ledger_entries.partner_id', '=', 'partners.id')
            .where('ledger_entries.at', '<', until)
            .orderBy('ledger_entries.at', 'desc')
            .orderBy('ledger_entries.id', 'desc')
            .limit(1),
          '!=',
          0,
        ),
      ]),
    )
    .execute();
  let queued = 0;
  for (const partner of candidates) {
    const range = { from, until, fromDate: period + '-01', toDate: new Date(until - 1).toISOString().slice(0, 10) };
    const summary = await periodMoney(db, partner.id, range, currency);
    const payable = await moneyNow(db, partner.id, { currency, now });
    let csv = '\uFEFF' + csvLine(LEDGER_CSV_HEADER.map(csvText));
    for await (const lines of ledgerCsvLines(deps, partner.id, range)) csv += lines.map(csvLine).join('');
    const money = (cents: number) => formatMoney(cents, currency);
    const sent = await db.transaction().execute(async (trx) => {
      if (!(await claim(trx, 'monthly_statement', partner.id, period, now))) return false;
      const id = await enqueueMail(
        deps,
        {
          kind: 'monthly_statement',
          to: partner.email,
          partnerId: partner.id,
          data: {
            month: monthOf(from),
            earned: money(summary.earned),
            paid: money(summary.paid),
            balance: money(summary.endingBalance),
            payableNow: money(Math.max(0, payable.payableNow)),
          },
          attachments: [{ filename: `statement-${period}.csv`, contentType: 'text/csv; charset=utf-8', content: csv }],
        },
        trx,
      );
      return id !== null;
    });
    if (sent) queued++;
  }
  return queued;
}

/** Claims older than any job looks back (the digest: a day; the statement: a month) are kept 400 days, then pruned. */
export async function pruneNotificationRuns(deps: Deps): Promise<void> {
  await deps.db.kysely.deleteFrom('notification_runs').where('claimed_at', '<', deps.clock() - 400 * DAY_MS).execute();
}

/**
 * The scheduled notifications, for the server's background loop (every minute is fine: each
 * partner and period is claimed once, by whichever instance gets there first). Also prunes
 * spent reset and confirmation tokens.
 */
export async function runNotificationJobs(deps: Deps): Promise<{ digests: number; statements: number }> {
  const digests = await sendCommissionDigests(deps);
  const statements = await sendMonthlyStatements(deps);
  await pruneNotificationRuns(deps);
  await pruneAccountTokens(deps);
  return { digests, statements };
}

/** Reset and confirmation tokens a day after they expired. */
export async function pruneAccountTokens(deps: Deps): Promise<void> {
  const before = deps.clock() - DAY_MS;
  await deps.db.kysely.deleteFrom('password_reset_tokens').where('expires_at', '<', before).execute();
  await deps.db.kysely.deleteFrom('email_confirmation_tokens').where('expires_at', '<', before).execute();
}
