import { html } from 'lit';

/** A column of a report table: its head's words; `{ num }` for a column of amounts or counts (aligned right). */
export type Column = string | { num: string };

/** The head row of a report table (`<partner-ledger>` and every panel of `<partner-reports>`). */
export const tableHead = (...columns: Column[]) =>
  html`<thead>
    <tr>
      ${columns.map((c) => (typeof c === 'string' ? html`<th scope="col">${c}</th>` : html`<th scope="col" class="num">${c.num}</th>`))}
    </tr>
  </thead>`;
