import { attrs, classes, html, type Renderable, type SafeHtml } from '../core/html.ts';

export interface Column<Row> {
  /** column heading; also the label shown before each value when rows stack on narrow screens */
  header: string;
  cell: (row: Row) => Renderable;
  /** render the cell as a row header (th scope=row): the value that names the row */
  rowHeader?: boolean;
  /** share of the table's width on wide screens (no inline styles: the CSP allows none) */
  width?: 'narrow' | 'medium' | 'wide';
}

/**
 * KRDS data table (.krds-table-wrap .tbl.col.data) with a caption. Below 768 px the rows stack into
 * labelled blocks (class `stack`), so a 360 px screen never scrolls sideways.
 */
export function dataTable<Row>(options: {
  caption: Renderable;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  id?: string;
}): SafeHtml {
  const { caption, columns, rows, id } = options;
  return html`<div class="krds-table-wrap stack">
  <table${attrs({ class: 'tbl col data', id })}>
    <caption>${caption}</caption>
    <colgroup>${columns.map((c) => html`<col${attrs({ class: c.width ? `app-col-${c.width}` : undefined })}>`)}</colgroup>
    <thead>
      <tr>${columns.map((c) => html`<th scope="col">${c.header}</th>`)}</tr>
    </thead>
    <tbody>
      ${rows.map(
        (row) =>
          html`<tr>${columns.map((c) =>
            c.rowHeader
              ? html`<th scope="row" data-label="${c.header}">${c.cell(row)}</th>`
              : html`<td data-label="${c.header}">${c.cell(row)}</td>`,
          )}</tr>`,
      )}
    </tbody>
  </table>
</div>`;
}

/** Shown instead of a table when a search finds nothing; says what to try next. */
export function emptyState(message: Renderable, hint?: Renderable): SafeHtml {
  return html`<div class="${classes('app-empty-state')}">
  <p class="app-empty-title">${message}</p>
  ${hint ? html`<p class="app-empty-hint">${hint}</p>` : ''}
</div>`;
}
