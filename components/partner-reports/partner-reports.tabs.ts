import { msg } from '@lit/localize';
import type { ReportTab } from './partner-reports.panel.js';

/**
 * Each tab, and the words after "Loading …" while its first page loads: the element's loading
 * message needs them before its view (partner-reports.view.ts, which draws the tabs) is here.
 */
export const TABS: { id: ReportTab; label: () => string; loading: () => string }[] = [
  { id: 'commissions', label: () => msg('Commissions'), loading: () => msg('Loading your commissions…') },
  { id: 'leads', label: () => msg('Leads'), loading: () => msg('Loading your leads…') },
  { id: 'sales', label: () => msg('Sales'), loading: () => msg('Loading your sales…') },
  { id: 'links', label: () => msg('Links'), loading: () => msg('Loading link statistics…') },
];

export const isTab = (v: unknown): v is ReportTab => TABS.some((t) => t.id === v);
