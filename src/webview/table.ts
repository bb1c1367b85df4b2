// Shows `Data` as a person reads it: an array of rows as a table, an
// object as name/value pairs, anything else as text. .NET defaults that
// mean "not filled" (0001-01-01 dates) are shown as empty cells.
import { isDefaultDate } from '../api/dotnet';
import { button, el, format } from './dom';

export interface TableOptions {
  strings: Record<string, string>;
  hideDefaultColumns: boolean;
}

/** Rows are added in pages so 100,000 patients do not freeze the page. */
export const PAGE_SIZE = 200;

/** The one column of a list that holds anything but objects: each item shown whole. */
const SCALAR_COLUMN = 'value';

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

function rowsView(rows: unknown[], options: TableOptions): HTMLElement {
  const { strings } = options;
  const container = el('div', { class: 'table-view' });

  if (rows.length === 0) {
    container.append(el('p', { class: 'note empty' }, strings.emptyList));
    return container;
  }

  const columns = columnsOf(rows, options.hideDefaultColumns);
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
  const showPage = () => {
    const end = Math.min(rows.length, shown + PAGE_SIZE);
    const fragment = document.createDocumentFragment();
    for (let index = shown; index < end; index++) {
      fragment.append(rowElement(rows[index], columns, strings));
    }
    body.append(fragment);
    shown = end;

    caption.textContent = rows.length === 1
      ? strings.oneRow
      : shown < rows.length
        ? format(strings.showingRows, shown, rows.length)
        : format(strings.rows, rows.length);
    more.replaceChildren();
    if (shown < rows.length) {
      const next = Math.min(PAGE_SIZE, rows.length - shown);
      more.append(button(format(strings.showMore, next), showPage, { class: 'secondary' }));
    }
  };
  showPage();
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

/**
 * The union of keys over the first rows, in first-seen order. Sparse
 * queries (GetAllActives fills three of twenty fields) leave the rest at
 * .NET defaults; hiding those columns shows what the query really returned.
 */
export function columnsOf(rows: unknown[], hideDefaults: boolean): string[] {
  const sample = rows.slice(0, 500);
  const columns: string[] = [];
  const seen = new Set<string>();
  for (const row of sample) {
    if (typeof row !== 'object' || row === null || Array.isArray(row)) {
      return [SCALAR_COLUMN];
    }
    for (const key of Object.keys(row)) {
      if (!seen.has(key)) {
        seen.add(key);
        columns.push(key);
      }
    }
  }

  if (!hideDefaults) {
    return columns;
  }
  const filled = columns.filter((column) =>
    sample.some((row) => !isDefaultValue((row as Record<string, unknown>)[column])),
  );
  return filled.length > 0 ? filled : columns;
}

function isDefaultValue(value: unknown): boolean {
  return value === null || value === undefined || value === '' || value === 0 ||
    value === false || isDefaultDate(value);
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
