import { Task, TaskStatus } from '@lit/task';
import { css, html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { formatCount, formatDateRange, formatMoney, localeOf } from '../../src/format.js';
import { MONEY_WORDS } from '../../src/internal/money-words.js';
import { loadingView } from '../../src/internal/states.js';
import { baseStyles } from '../../src/styles/tokens.js';
import type { Dashboard } from '../api/types.js';
import { adminStyles } from '../internal/admin-styles.js';
import { toHash } from '../internal/route.js';
import { SectionElement } from '../internal/section-element.js';
import { customPeriod, dayValue, PERIODS, periodOf, queryOf, type DashboardPeriod } from './dashboard-period.js';
import { METRICS, trendChart, trendTable, type TrendMetric } from './trend-chart.js';

const link = (section: string, params: Record<string, string> = {}, path: string[] = []) => toHash({ section, path, params });

/**
 * The program at a glance for a period: clicks, leads, sales, earned, owed (the balance of
 * every partner, now) and paid; the daily trend as a chart with a table beside it; the top
 * partners (each linking to their page in Partners); and what needs attention (sign-ups
 * waiting, commissions past their hold, partners due a payout), each linking to its section.
 * The period is in `route.params` (the URL inside `<partner-admin>`).
 *
 * @tag partner-admin-dashboard
 * @summary The console's Dashboard section.
 *
 * @event partner-admin-navigate - The period or the chart's figure changed. `detail: { path, params, replace }`.
 *
 * @csspart period - The period picker.
 * @csspart tiles - The period's figures.
 * @csspart trend - The trend chart.
 * @csspart trend-table - The trend, every day, as a table.
 * @csspart top-partners - The partners who earned most.
 * @csspart attention - What needs attention.
 * @csspart empty - No activity in the period.
 * @csspart spinner - Loading.
 * @csspart error - A failure (role="alert").
 * @csspart forbidden - The user's role may not see this.
 * @csspart signed-out - Nobody is signed in.
 */
export class PartnerAdminDashboardElement extends SectionElement {
  static override styles = [
    baseStyles,
    adminStyles,
    css`
      dl.tiles {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr));
        gap: var(--_space-m);
        margin: 0 0 var(--_space-s);
      }
      dl.tiles > div {
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        padding: var(--_space-m);
        background: var(--_subtle);
      }
      dl.tiles dt {
        color: var(--_muted);
      }
      dl.tiles dd {
        margin: 0;
        font-size: 1.5rem;
        font-weight: 700;
        font-variant-numeric: tabular-nums;
      }
      dl.tiles dd.detail {
        font-size: 0.875rem;
        font-weight: 400;
      }
      .trend {
        margin: 0;
      }
      .trend rect {
        fill: var(--_accent);
      }
      .trend line {
        stroke: var(--_border);
        vector-effect: non-scaling-stroke;
      }
      .axis {
        display: flex;
        justify-content: space-between;
        color: var(--_muted);
        font-size: 0.875rem;
      }
      fieldset {
        border: 0;
        padding: 0;
        margin: 0 0 var(--_space-s);
        display: flex;
        flex-wrap: wrap;
        gap: var(--_space-m);
      }
      legend {
        font-weight: 600;
        margin-bottom: var(--_space-xs);
      }
      .field-error {
        color: var(--_danger);
        margin: 0;
      }
      .columns {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(20rem, 1fr));
        gap: 0 var(--_space-l);
      }
    `,
  ];

  /** what was typed in the custom range before it was applied (or refused) */
  @state() private draft?: { from: string; to: string; error?: { field: 'from' | 'to'; message: string } };

  private get chosen() {
    return periodOf(this.route.params);
  }

  private get metric(): TrendMetric {
    const m = this.route.params.chart as TrendMetric;
    return m in METRICS ? m : 'earned';
  }

  private figures = new Task(this, {
    task: async ([token, from, to], { signal }): Promise<Dashboard | undefined> => {
      const chosen = this.chosen;
      if (!token || !from || !to || 'error' in chosen) return undefined;
      return this.client.dashboard(queryOf(chosen), { signal });
    },
    args: () => {
      const c = this.chosen;
      return [this.signedIn?.token, 'from' in c ? c.from.getTime() : undefined, 'to' in c ? c.to.getTime() : undefined] as const;
    },
  });

  override render() {
    if (!this.signedIn) return html`<h2 tabindex="-1">Dashboard</h2>${this.signedOutView()}`;
    const chosen = this.chosen;
    return html`<h2 tabindex="-1">Dashboard</h2>
      ${this.renderPeriod(chosen)}
      ${'error' in chosen
        ? nothing
        : this.figures.render({
            initial: () => loadingView('Loading the dashboard…'),
            pending: () => (this.figures.value ? this.renderFigures(this.figures.value, chosen) : loadingView('Loading the dashboard…')),
            error: (e) => this.failure(e, () => void this.figures.run()),
            complete: (d) => (d ? this.renderFigures(d, chosen) : nothing),
          })}`;
  }

  private renderPeriod(chosen: ReturnType<typeof periodOf>) {
    const p = this.route.params;
    const custom = chosen.period === 'custom';
    const error = this.draft?.error ?? ('error' in chosen ? chosen.error : undefined);
    const from = this.draft?.from ?? p.from ?? ('from' in chosen ? dayValue(chosen.from) : '');
    const to = this.draft?.to ?? p.to ?? ('to' in chosen ? dayValue(chosen.to) : '');
    const input = (name: 'from' | 'to', label: string, value: string) => html`<label>
      ${label}
      <input
        type="date"
        name=${name}
        .value=${value}
        min="2000-01-01"
        max="2099-12-31"
        aria-invalid=${error?.field === name ? 'true' : 'false'}
        aria-describedby=${error?.field === name ? 'period-error' : nothing}
      />
    </label>`;
    return html`<form part="period" class="toolbar" aria-label="Period" novalidate @submit=${this.apply}>
      <label>
        Period
        <select name="period" @change=${this.choose}>
          ${PERIODS.map((x) => html`<option value=${x.value} ?selected=${x.value === chosen.period}>${x.label}</option>`)}
        </select>
      </label>
      ${custom
        ? html`${input('from', 'From', from)} ${input('to', 'To', to)}
            <button type="submit" class="secondary">Apply</button>
            ${error ? html`<p class="field-error" id="period-error" role="alert">${error.message}</p>` : nothing}`
        : nothing}
    </form>`;
  }

  private choose = async (e: Event) => {
    const period = (e.target as HTMLSelectElement).value;
    this.draft = undefined;
    if (period === 'custom') {
      // start from the period shown; the figures change once the range is applied
      const c = this.chosen;
      const [from, to] = 'from' in c ? [dayValue(c.from), dayValue(c.to)] : ['', ''];
      this.navigate([], { ...this.route.params, period, from, to }, { replace: true });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>('input[name="from"]')?.focus();
      return;
    }
    const { from: _f, to: _t, ...rest } = this.route.params;
    this.navigate([], { ...rest, period }, { replace: true });
  };

  private apply = (e: SubmitEvent) => {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const value = (name: string) => form.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
    const [from, to] = [value('from'), value('to')];
    const checked = customPeriod(from.value, to.value);
    if ('error' in checked) {
      this.draft = { from: from.value, to: to.value, error: checked.error };
      value(checked.error.field).focus();
      return;
    }
    this.draft = undefined;
    this.navigate([], { ...this.route.params, period: 'custom', from: from.value, to: to.value }, { replace: true });
  };

  private renderFigures(d: Dashboard, chosen: DashboardPeriod) {
    const locale = localeOf(this);
    const money = (n: number) => formatMoney(n, d.currency, locale);
    const count = (n: number) => formatCount(n, locale);
    const label = formatDateRange(chosen.from, chosen.to, locale);
    const active = d.trend.some((x) => x.clicks || x.sales || x.earned);
    const tile = (name: string, value: string, detail?: string) =>
      html`<div data-figure=${name}><dt>${name}</dt><dd>${value}</dd>${detail ? html`<dd class="detail">${detail}</dd>` : nothing}</div>`;
    return html`${this.figures.status === TaskStatus.PENDING ? html`<p role="status">Updating…</p>` : nothing}
      <h3>${label}</h3>
      <dl part="tiles" class="tiles">
        ${tile('Clicks', count(d.period.clicks))} ${tile('Leads', count(d.period.leads))}
        ${tile('Sales', count(d.period.sales.count), `${money(d.period.sales.amount)} in sales`)} ${tile(MONEY_WORDS.earned, money(d.period.earned))}
        ${tile(`Owed (${MONEY_WORDS.balance.toLowerCase()})`, money(d.now.balance), `${MONEY_WORDS.payableNow} ${money(d.now.payableNow)} · ${MONEY_WORDS.pending} ${money(d.now.pending)}`)}
        ${tile(MONEY_WORDS.paid, money(d.period.paid))}
      </dl>
      <p class="notice">
        Clicks, leads, sales, ${MONEY_WORDS.earned.toLowerCase()} and ${MONEY_WORDS.paid.toLowerCase()} count the period shown (${label}); owed
        (${MONEY_WORDS.balance.toLowerCase()}), ${MONEY_WORDS.payableNow.toLowerCase()} and ${MONEY_WORDS.pending.toLowerCase()} are today’s figures, whatever
        the period.
      </p>
      <div class="columns">
        <section aria-labelledby="attention-heading">
          <h3 id="attention-heading">Needs attention</h3>
          ${this.renderAttention(d, money, count)}
        </section>
        <section aria-labelledby="top-heading">
          <h3 id="top-heading">Top partners</h3>
          ${this.renderTop(d, money, count)}
        </section>
      </div>
      <section aria-labelledby="trend-heading">
        <h3 id="trend-heading">Trend</h3>
        ${active
          ? html`<fieldset>
                <legend>Show per day</legend>
                ${(Object.keys(METRICS) as TrendMetric[]).map(
                  (m) => html`<label
                    ><input type="radio" name="chart" value=${m} .checked=${m === this.metric} @change=${() => this.navigate([], { ...this.route.params, chart: m }, { replace: true })} />
                    ${METRICS[m]}</label
                  >`,
                )}
              </fieldset>
              ${trendChart(d.trend, this.metric, d.currency, locale)}
              <details>
                <summary>The trend as a table</summary>
                ${trendTable(d.trend, d.currency, locale)}
              </details>`
          : html`<p part="empty" class="notice">No clicks, sales or commissions in this period.</p>`}
      </section>`;
  }

  private renderAttention(d: Dashboard, money: (n: number) => string, count: (n: number) => string) {
    const { signupsWaiting, pastHold, payoutsDue } = d.attention;
    const items = [
      signupsWaiting && html`<li><a href=${link('partners', { status: 'pending' })}>${signupsWaiting === 1 ? '1 sign-up' : `${count(signupsWaiting)} sign-ups`} waiting for approval</a></li>`,
      pastHold.count &&
        html`<li>
          <a href=${link('commissions', { status: 'pending' })}>${pastHold.count === 1 ? '1 commission' : `${count(pastHold.count)} commissions`} past their hold</a>
          <span class="detail">${money(pastHold.amount)}, approved automatically within a minute, or approve them now</span>
        </li>`,
      payoutsDue.count &&
        html`<li>
          <a href=${link('payouts')}>${payoutsDue.count === 1 ? '1 partner' : `${count(payoutsDue.count)} partners`} due a payout</a>
          <span class="detail">${money(payoutsDue.amount)} ${MONEY_WORDS.payableNow.toLowerCase()}, minimum payout ${money(payoutsDue.minimum)}</span>
        </li>`,
    ].filter(Boolean);
    return items.length ? html`<ul part="attention">${items}</ul>` : html`<p part="attention" class="notice">Nothing needs your attention.</p>`;
  }

  private renderTop(d: Dashboard, money: (n: number) => string, count: (n: number) => string) {
    if (!d.topPartners.length) return html`<p class="notice">No partner earned in this period.</p>`;
    return html`<table part="top-partners">
      <caption class="visually-hidden">The partners who earned most in the period</caption>
      <thead>
        <tr>
          <th scope="col">Partner</th>
          <th scope="col" class="num">${MONEY_WORDS.earned}</th>
          <th scope="col" class="num">Sales</th>
        </tr>
      </thead>
      <tbody>
        ${d.topPartners.map(
          (p) => html`<tr>
            <th scope="row"><a href=${link('partners', {}, [p.code])}>${p.name}</a><span class="detail">${p.code}</span></th>
            <td class="num">${money(p.earned)}</td>
            <td class="num">${count(p.sales.count)}<span class="detail">${money(p.sales.amount)}</span></td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }
}
