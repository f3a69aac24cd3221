/**
 * bench/REPORT.md: every benchmark hands its figures to {@link report} as it prints them;
 * bench/run.ts renders them into one report — each figure next to its budget (PRODUCT.md and the
 * issues) and, where it has a peer (a bare Hono redirect, SQLite beside PostgreSQL), its ratio.
 * Nothing here asserts: a budget not met is written down, not thrown.
 */
import os from 'node:os';

export interface Figure {
  /** what was measured: "sales ingested over HTTP (SQLite)" */
  name: string;
  value: number;
  /** "sales/s", "KB", "ms", "calls", "score" */
  unit: string;
  /** the budget the figure is held to */
  budget?: { atLeast?: number; atMost?: number };
  /** what the figure is compared with; the ratio is value / peer.value */
  peer?: { name: string; value: number; atLeast?: number };
  note?: string;
}

export interface Section {
  title: string;
  /** the command that reproduces this section's figures */
  command: string;
  figures: Figure[];
  /** a query plan, a profile's top frames, a caveat: printed under the table */
  notes?: string[];
}

const sections: Section[] = [];

/** Adds a benchmark's figures to the report bench/run.ts writes at the end of the run. */
export function report(section: Section) {
  sections.push(section);
}

export const reportedSections = (): readonly Section[] => sections;

/** The integer cents / KB / ms style of the report: thousands separated, at most 2 decimals. */
export function formatNumber(n: number): string {
  const digits = Math.abs(n) >= 100 ? 0 : Math.abs(n) >= 10 ? 1 : 2;
  return n.toLocaleString('en-US', { maximumFractionDigits: digits });
}

const KIB = 1024;
/** Bytes as the report shows sizes: KB (1,024 bytes) with one decimal. */
export const kilobytes = (bytes: number) => Math.round((bytes / KIB) * 10) / 10;

type Verdict = 'met' | 'not met' | '';

export function verdict(figure: Figure): Verdict {
  const checks: boolean[] = [];
  if (figure.budget?.atLeast !== undefined) checks.push(figure.value >= figure.budget.atLeast);
  if (figure.budget?.atMost !== undefined) checks.push(figure.value <= figure.budget.atMost);
  if (figure.peer?.atLeast !== undefined) checks.push(figure.value / figure.peer.value >= figure.peer.atLeast);
  if (!checks.length) return '';
  return checks.every(Boolean) ? 'met' : 'not met';
}

const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

function budgetText(figure: Figure): string {
  const parts: string[] = [];
  if (figure.budget?.atLeast !== undefined) parts.push(`≥ ${formatNumber(figure.budget.atLeast)} ${figure.unit}`);
  if (figure.budget?.atMost !== undefined) parts.push(`≤ ${formatNumber(figure.budget.atMost)} ${figure.unit}`);
  if (figure.peer?.atLeast !== undefined) parts.push(`≥ ${figure.peer.atLeast} × ${figure.peer.name}`);
  return parts.join(', ');
}

function peerText(figure: Figure): string {
  if (!figure.peer) return '';
  return `${(figure.value / figure.peer.value).toFixed(2)} × ${figure.peer.name} (${formatNumber(figure.peer.value)} ${figure.unit})`;
}

export interface RunInfo {
  started: Date;
  seconds: number;
  /** benchmark files run, and those that failed with their error */
  files: string[];
  failures: { file: string; error: string }[];
  /** the filters of a partial run (`npm run bench -- redirect`) */
  filters: string[];
}

/** The report as Markdown. */
export function renderReport(all: readonly Section[], run: RunInfo): string {
  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
  const lines = [
    '# Benchmark report',
    '',
    `Written by \`npm run bench\`${run.filters.length ? ` (only ${run.filters.join(', ')})` : ''} on ${run.started.toISOString().slice(0, 16).replace('T', ' ')} UTC in ${Math.round(run.seconds)} s.`,
    `Machine: ${cpu}, ${os.availableParallelism()} cores, ${Math.round(os.totalmem() / 1024 ** 3)} GB; Node ${process.version}; load average when the run started ${os.loadavg()[0]!.toFixed(2)}.`,
    'Figures are measured, never asserted by a test; the same commands reproduce each of them.',
    '',
  ];
  const rows = all.flatMap((s) => s.figures.map((f) => verdict(f))).filter(Boolean);
  const unmet = rows.filter((v) => v === 'not met').length;
  lines.push(rows.length ? `**Budgets: ${rows.length - unmet} of ${rows.length} met.**` : 'No figure with a budget was measured.', '');
  for (const failure of run.failures) lines.push(`> ✖ \`${failure.file}\` failed: ${cell(failure.error)}`, '');
  for (const section of all) {
    lines.push(`## ${section.title}`, '', `Reproduce: \`${section.command}\``, '');
    lines.push('| Figure | Measured | Budget | Compared with | Met |', '| --- | ---: | --- | --- | --- |');
    for (const f of section.figures) {
      const v = verdict(f);
      lines.push(
        `| ${cell(f.name)}${f.note ? ` (${cell(f.note)})` : ''} | ${formatNumber(f.value)} ${f.unit} | ${budgetText(f)} | ${peerText(f)} | ${v === 'not met' ? '**not met**' : v} |`,
      );
    }
    lines.push('');
    for (const note of section.notes ?? []) lines.push(note, '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
