// Shows `Data` as a person reads it: an array of rows as a table, an
// object as name/value pairs, anything else as text. .NET defaults that
// mean "not filled" (0001-01-01 dates) are shown as empty cells.
import { isDefaultDate } from '../api/dotnet';
import { Column, columnsOf, SCALAR_COLUMN, visibleColumns } from '../shared/columns';
import { button, el, format } from './dom';

export interface TableOptions {
  strings: Record<string, string>;
  hideDefaultColumns: boolean;
  /** How many rows Data has in all; the page holds only the first of them. */
  totalRows?: number;
  /** The columns over all rows, as the host worked them out. */
  columns?: Column[];
  /** Asks the host for the rows from `offset`; undefined when it no longer has them. */
  loadRows?: (offset: number) => Promise<unknown[] | undefined>;
}


/** A scalar Data (one huge string, say) is shown up to this many characters. */
const SCALAR_LIMIT = 20_000;

export function dataView(data: unknown, options: TableOptions): HTMLElement {
  if (Array.isArray(data)) {
    return rowsView(data, options);
  }
  if (typeof data === 'object' && data !== null) {
    return rowsView([data], options);
  }
  if (data === null || data === undefined) {
    return el('p', { class: 'note' }, options.strings.dataNull);
  }
  const text = JSON.stringify(data);
  return el(
    'pre',
    { class: 'scalar' },
    text.length > SCALAR_LIMIT ? `${text.slice(0, SCALAR_LIMIT)}…` : text,
  );
}

/**
 * The rows the page has, then the next pages from the host on request:
 * 100,000 patients would cost seconds and a gigabyte to copy in at once.
 */
function rowsView(firstRows: unknown[], options: TableOptions): HTMLElement {
  const { strings } = options;
  const container = el('div', { class: 'table-view' });
  const rows = [...firstRows];
  const total = Math.max(options.totalRows ?? rows.length, rows.length);

  if (rows.length === 0) {
    container.append(el('p', { class: 'note empty' }, strings.emptyList));
    return container;
  }

  const columns = visibleColumns(options.columns ?? columnsOf(rows), options.hideDefaultColumns);
  const caption = el('caption');
  const body = el('tbody');
  const table = el(
    'table',
    { class: 'data' },
    caption,
    el('thead', {}, el('tr', {}, ...columns.map((name) => el('th', { scope: 'col' }, name)))),
    body,
  );
  const more = el('div', { class: 'more' });
  container.append(el('div', { class: 'table-scroll', tabindex: '0' }, table), more);

  let shown = 0;
  const append = (page: unknown[]) => {
    const fragment = document.createDocumentFragment();
    for (const row of page) {
      fragment.append(rowElement(row, columns, strings));
    }
    body.append(fragment);
    shown += page.length;

    caption.textContent = total === 1
      ? strings.oneRow
      : shown < total
        ? format(strings.showingRows, shown, total)
        : format(strings.rows, total);
    more.replaceChildren();
    if (shown < total && options.loadRows) {
      const next = Math.min(firstRows.length, total - shown);
      const load = options.loadRows;
      const showMore = button(format(strings.showMore, next), async () => {
        showMore.disabled = true;
        const page = await load(shown);
        if (page && page.length > 0) {
          append(page);
        } else {
          more.replaceChildren(el('p', { class: 'note' }, strings.rowsGone));
        }
      }, { class: 'secondary' });
      more.append(showMore);
    }
  };
  append(rows);
  return container;
}

function rowElement(row: unknown, columns: string[], strings: Record<string, string>) {
  const tr = el('tr');
  const record = typeof row === 'object' && row !== null ? (row as Record<string, unknown>) : {};
  const scalarRows = columns.length === 1 && columns[0] === SCALAR_COLUMN;
  for (const column of columns) {
    const value = scalarRows ? row : record[column];
    const td = el('td');
    if (isDefaultDate(value)) {
      td.title = strings.defaultDate;
      td.classList.add('default');
    } else {
      td.textContent = cellText(value);
    }
    tr.append(td);
  }
  return tr;
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) {
    return '';
  }
  if (typeof value === 'string') {
    const date = /^(\d{4}-\d{2}-\d{2})T00:00:00(\.0+)?$/.exec(value);
    return date ? date[1] : value;
  }
  if (typeof value === 'object') {
    return JSON.stringify(value);
  }
  return String(value);
}
