import { z } from '../http/openapi.js';
import { BalanceSchema } from './schemas.js';
import { dateParam } from './reports/schemas.js';

const Cents = (description: string) => z.number().int().openapi({ description: `${description} (integer minor units, e.g. cents)` });
const Count = (description: string) => z.number().int().openapi({ description });

export const DashboardQuerySchema = z.object({
  from: dateParam('from', 'period', '30 days before `to`, or the start of the day 29 days ago in `timeZone`.'),
  to: dateParam('to', 'period', 'the end of today in `timeZone`.'),
  timeZone: z.string().max(64).optional().openapi({ description: 'IANA time zone the trend’s days (and the default period) are counted in (default UTC)', example: 'Europe/Paris' }),
});
export type DashboardQuery = z.infer<typeof DashboardQuerySchema>;

const SalesSchema = z.object({ count: Count('sales attributed to a partner (self-referrals left out)'), amount: Cents('their amounts') });

export const DashboardSchema = z
  .object({
    from: z.string().openapi({ description: 'the period’s first instant (ISO)' }),
    to: z.string().openapi({ description: 'the period’s last instant (ISO)' }),
    timeZone: z.string(),
    currency: z.string(),
    period: z.object({
      clicks: Count('clicks on partner links in the period'),
      leads: Count('leads in the period'),
      sales: SalesSchema,
      earned: Cents('Earned: commissions recorded in the period, before clawbacks'),
      paid: Cents('Paid: payments in the period, net of reversed payments'),
    }),
    now: BalanceSchema.openapi({ description: 'All partners, now (whatever the period): balance = what is owed, pending, payableNow = balance − pending' }),
    trend: z
      .array(z.object({ date: z.string().openapi({ example: '2026-01-31' }), clicks: Count('clicks that day'), sales: Count('sales that day'), earned: Cents('earned that day') }))
      .openapi({ description: 'every day of the period in `timeZone`, oldest first, days without activity at 0' }),
    topPartners: z
      .array(z.object({ code: z.string(), name: z.string(), earned: Cents('earned in the period'), sales: SalesSchema }))
      .openapi({ description: 'the 10 partners who earned most in the period, most first' }),
    attention: z.object({
      signupsWaiting: Count('partners who signed up and wait for approval'),
      pastHold: z
        .object({ count: Count('pending commissions whose hold is over'), amount: Cents('their amount net of clawbacks') })
        .openapi({ description: 'what the approval sweep approves next (it runs every minute and before money is shown or paid)' }),
      payoutsDue: z
        .object({ count: Count('active partners whose payable now reaches the minimum payout'), amount: Cents('their payable now'), minimum: Cents('settings.minimumPayout') })
        .openapi({ description: 'as GET /payouts lists them' }),
    }),
  })
  .openapi('Dashboard');
export type Dashboard = z.infer<typeof DashboardSchema>;
